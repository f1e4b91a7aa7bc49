"use client";

import { useEffect, useState } from "react";
import { authClient } from "@/lib/auth-client";

export default function NotesPage() {
  const [notes, setNotes] = useState<string[]>([]);
  useEffect(() => {
    async function load() {
      const { data: session } = await authClient.getSession();
      const res = await fetch(`${process.env.NEXT_PUBLIC_API_URL}/notes`, {
        headers: { Authorization: "Bearer " + session?.session.token },
      });
      setNotes(await res.json());
    }
    load();
  }, []);
  return <ul>{notes.map((n) => <li key={n}>{n}</li>)}</ul>;
}
