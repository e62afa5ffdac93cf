// A journey through kith with the generated types and openapi-fetch: what a
// TypeScript client does, type-checked with `tsc --strict` and run against a
// server by CI (`node dist/journey.js http://127.0.0.1:PORT`). Every call is
// typed by the document: a wrong field or path is a compile error.
import createClient from "openapi-fetch";
import type { paths, components } from "./schema.js";

type Contact = components["schemas"]["Contact"];

const base = process.argv[2] ?? "http://127.0.0.1:8080";

function must<T>(what: string, data: T | undefined, error: unknown, status: number): T {
  if (data === undefined) {
    throw new Error(`${what}: ${status} ${JSON.stringify(error)}`);
  }
  return data;
}

async function main(): Promise<void> {
  const api = createClient<paths>({ baseUrl: base });
  const email = `ts-${Date.now()}@example.com`;

  const reg = await api.POST("/v1/auth/register", {
    body: { email, password: "a long passphrase", name: "TypeScript" },
  });
  const auth = must("register", reg.data, reg.error, reg.response.status);
  const headers = { Authorization: `Bearer ${auth.access_token}` };

  const made = await api.POST("/v1/contacts", {
    headers,
    body: { display_name: "Ben Okafor", company: "Initech", tags: ["rust"], cadence_days: 30 },
  });
  const ben: Contact = must("create contact", made.data, made.error, made.response.status);
  const etag = made.response.headers.get("etag") ?? "";

  // A partial PATCH: only what changes, guarded by If-Match.
  const patched = await api.PATCH("/v1/contacts/{id}", {
    headers,
    params: { path: { id: ben.id }, header: { "If-Match": etag } },
    body: { title: "CTO" },
  });
  const updated = must("patch contact", patched.data, patched.error, patched.response.status);
  if (updated.title !== "CTO" || updated.version !== 2) {
    throw new Error(`patch: ${JSON.stringify(updated)}`);
  }

  // A stale version is a 412 problem document.
  const stale = await api.PATCH("/v1/contacts/{id}", {
    headers,
    params: { path: { id: ben.id }, header: { "If-Match": etag } },
    body: { title: "CEO" },
  });
  if (stale.response.status !== 412 || stale.error === undefined) {
    throw new Error(`stale patch: ${stale.response.status}`);
  }

  const mia = must(
    "second contact",
    (await api.POST("/v1/contacts", { headers, body: { display_name: "Mia Chen", closeness: 5 } })).data,
    undefined,
    0,
  );
  const met = await api.POST("/v1/interactions", {
    headers,
    body: { kind: "coffee", direction: "mutual", summary: "Coffee", contact_ids: [ben.id, mia.id] },
  });
  must("interaction", met.data, met.error, met.response.status);

  const listed = await api.GET("/v1/contacts", {
    headers,
    params: { query: { sort: "-created_at", limit: 10 } },
  });
  const page = must("list", listed.data, listed.error, listed.response.status);
  if (page.items.length !== 2) {
    throw new Error(`list: ${page.items.length} contacts`);
  }

  // The change feed, paged to its end.
  let since = 0;
  let seen = 0;
  for (;;) {
    const feed = await api.GET("/v1/changes", { headers, params: { query: { since, limit: 2 } } });
    const changes = must("changes", feed.data, feed.error, feed.response.status);
    seen += changes.changes.length;
    for (const change of changes.changes) {
      // `type` narrows the change: a contact's data is a Contact.
      if (change.type === "contact" && change.data && typeof change.data.display_name !== "string") {
        throw new Error(`change ${change.seq}: a contact without its display_name`);
      }
    }
    since = changes.next_since;
    if (!changes.has_more) break;
  }
  const agenda = await api.GET("/v1/agenda", { headers, params: { query: { days: 30 } } });
  const items = must("agenda", agenda.data, agenda.error, agenda.response.status);
  console.log(`typescript journey: ${page.items.length} contacts, ${seen} changes, ${items.items.length} agenda items`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
