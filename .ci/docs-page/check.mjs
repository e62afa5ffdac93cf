// The docs page in a real browser: /docs/ in headless Chromium (Debian's
// `chromium`, driven by playwright-core) renders every operation, "Try it
// out" on GET /healthz answers 200, and the page calls nothing but the
// server itself.
//
//   node .ci/docs-page/check.mjs http://127.0.0.1:PORT OPERATIONS
import { chromium } from "playwright-core";

const [base, expected] = [process.argv[2], Number(process.argv[3])];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const fail = async (why) => {
  console.error(`docs page: ${why}`);
  await browser.close();
  process.exit(1);
};
try {
  const page = await browser.newPage();
  const outside = [];
  page.on("request", (r) => {
    if (new URL(r.url()).hostname !== "127.0.0.1") outside.push(r.url());
  });
  await page.goto(`${base}/docs/`);
  await page.waitForSelector(".opblock", { timeout: 30000 });
  const rendered = await page.locator(".opblock").count();
  if (rendered !== expected) await fail(`${rendered} operations rendered, the document has ${expected}`);
  const health = page.locator("#operations-operations-get_health");
  await health.locator(".opblock-summary").click();
  await health.locator("button.try-out__btn").click();
  await health.locator("button.execute").click();
  const status = health.locator(".live-responses-table tr.response .response-col_status").first();
  await status.waitFor({ timeout: 30000 });
  const code = (await status.innerText()).trim();
  if (code !== "200") await fail(`Try it out on GET /healthz answered ${code}`);
  if (outside.length > 0) await fail(`calls outside the server: ${outside.join(", ")}`);
  console.log(`docs page: ${rendered} operations rendered, GET /healthz tried: 200, no outside call`);
} catch (e) {
  await fail(String(e));
}
await browser.close();
