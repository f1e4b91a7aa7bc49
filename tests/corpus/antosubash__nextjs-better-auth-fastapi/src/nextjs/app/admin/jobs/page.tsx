"use client";

import { JobsPageContent } from "@/components/jobs/jobs-page-content";

export default function AdminJobsPage() {
  return <JobsPageContent />;
}
