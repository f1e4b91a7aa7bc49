"use client";

import { JobHistoryPageContent } from "@/components/jobs/job-history-page-content";

export default function JobHistoryPage() {
  return <JobHistoryPageContent />;
}
