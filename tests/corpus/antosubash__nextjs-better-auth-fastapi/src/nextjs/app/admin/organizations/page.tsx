"use client";

import { OrganizationList } from "@/components/organization/organization-list";

export default function OrganizationsPage() {
  return <OrganizationList />;
}
