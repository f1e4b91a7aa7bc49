"use client";

import { UserList } from "@/components/admin/user-list";

export default function UsersPage() {
  return <UserList />;
}
