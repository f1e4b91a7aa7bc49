import { authClient } from "./auth-client";

const API_URL = process.env.NEXT_PUBLIC_API_URL;

async function bearer(): Promise<string> {
  const { data, error } = await authClient.token();
  if (error || !data?.token) {
    throw new Error("not signed in");
  }
  return data.token;
}

export async function apiFetch(path: string, init: RequestInit = {}) {
  const token = await bearer();
  return fetch(`${API_URL}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}` },
  });
}

export async function listNotes() {
  const res = await apiFetch("/notes");
  return res.json();
}

export async function health() {
  const res = await fetch(`${API_URL}/health`);
  return res.ok;
}

export function withToken(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { Authorization: `Bearer ${token}` } };
}
