"use client";

import { TasksPageContent } from "@/components/tasks/tasks-page-content";

export default function AdminTasksPage() {
  return <TasksPageContent />;
}
