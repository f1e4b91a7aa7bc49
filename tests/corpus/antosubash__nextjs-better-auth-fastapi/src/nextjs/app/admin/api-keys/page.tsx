"use client";

import { ApiKeyList } from "@/components/api-key/api-key-list";

export default function ApiKeysPage() {
  return <ApiKeyList />;
}
