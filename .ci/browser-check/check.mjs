// Opens a service's GraphiQL page in Debian's Chromium with every request off 127.0.0.1 blocked, so the page must
// work without internet; runs an operation in it with its Run button and finds the answer in the page's response pane.
// Fails on a blocked request, a request that fails or answers >= 400, an error in the page, or a missing answer.
// Keeps a screenshot of the page, also when it fails. With PIPELENS_KEY set, does what a user does when the service
// requires API keys: the page and its scripts load without a key, GraphiQL's first schema requests are refused (401),
// the key goes in the headers tab as "Authorization: Bearer <key>", and the schema is fetched again, now with success;
// only those 401s, before the key is in, are allowed. Chromium runs on a fresh temporary profile (playwright's launch).
//
// With --refuses, opens the page with each given ?path= naming another host instead, with the key (PIPELENS_KEY)
// already kept in the page's local storage as a user's earlier visit leaves it: the page must say it refused the
// endpoint and send no request but those for itself and its scripts, to its own origin.
//
//   node check.mjs <name> <base url> <screenshot.png> <operation> <text the response must contain>...
//   node check.mjs --refuses <name> <base url> <screenshot.png> <foreign path>...
import {chromium} from 'playwright-core';

const refusing = process.argv[2] === '--refuses';
const [name, baseUrl, screenshot, ...rest] = process.argv.slice(refusing ? 3 : 2);
const [operation, ...expected] = refusing ? [null, ...rest] : rest;
if (!expected.length) {
  console.error('usage: node check.mjs <name> <base url> <screenshot.png> <operation> <expected text>...\n'
    + '       node check.mjs --refuses <name> <base url> <screenshot.png> <foreign path>...');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 60_000;

const problems = [];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  // Without the background-networking flags Chromium itself reaches out to Google's hosts at start-up.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({viewport: {width: 1400, height: 900}});
  await context.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    problems.push(`request off 127.0.0.1 blocked: ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
  const requested = [];
  context.on('request', request => requested.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', error => problems.push(`error in the page: ${error.message}`));
  // Until the key is in the headers tab, a 401 (and the browser's console line about it) is what a user sees too.
  let keyEntered = !process.env.PIPELENS_KEY;
  page.on('console', message => {
    const text = message.text();
    // Requests blocked above are reported once, as such.
    if (message.type() === 'error' && !text.includes('ERR_BLOCKED_BY_CLIENT')
        && (keyEntered || !text.includes('status of 401'))) {
      problems.push(`console error: ${text}`);
    }
  });
  page.on('requestfailed', request => {
    if (!request.failure()?.errorText.startsWith('net::ERR_BLOCKED_BY_CLIENT')) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', response => {
    if (response.status() >= 400 && (keyEntered || response.status() !== 401)) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });

  const schemaAnswer = async (expectedStatus, what) => {
    const response = await page.waitForResponse(answer => new URL(answer.url()).pathname === '/graphql',
      {timeout: TIMEOUT});
    if (response.status() !== expectedStatus) {
      throw new Error(`${what} answered ${response.status()}, expected ${expectedStatus}`);
    }
  };
  // The foreign endpoints: refused in the page, before any request; the key kept from an earlier visit stays home.
  const refuses = async () => {
    if (process.env.PIPELENS_KEY) {
      await context.addInitScript(key => localStorage.setItem('graphiql:headers',
        JSON.stringify({Authorization: `Bearer ${key}`})), process.env.PIPELENS_KEY);
    }
    const origin = new URL(baseUrl).origin;
    for (const path of expected) {
      requested.length = 0;
      await page.goto(`${baseUrl}/graphiql?path=${encodeURIComponent(path)}`, {timeout: TIMEOUT});
      await page.waitForLoadState('networkidle', {timeout: TIMEOUT});
      // Checked before the page's message is looked for, so that a page sending the key is reported as such.
      const elsewhere = requested.filter(url => new URL(url).origin !== origin
        || !new URL(url).pathname.startsWith('/graphiql'));
      if (elsewhere.length) {
        problems.push(`${name}: ?path=${path}: requests beyond the page and its scripts: ${elsewhere.join(', ')}`);
      }
      const refusal = page.getByRole('alert');
      await refusal.waitFor({timeout: TIMEOUT});
      const said = await refusal.innerText();
      if (!said.includes('refused') || !said.includes(path)) {
        problems.push(`${name}: ?path=${path}: the page does not say it refused the endpoint: ${said}`);
      } else if (!elsewhere.length) {
        console.log(`   ok: ${name}: ?path=${path} refused, ${requested.length} requests, all to ${origin}/graphiql*:`
          + ` "${said}"`);
      }
    }
  };
  // The operation, run as a user does, entering the key first when one is required.
  const runs = async () => {
    const firstSchema = schemaAnswer(keyEntered ? 200 : 401, 'the schema request GraphiQL sends as it opens');
    firstSchema.catch(() => {}); // awaited below, once the page is there: a page that never comes fails there first
    await page.goto(`${baseUrl}/graphiql`, {timeout: TIMEOUT});
    // The query editor is there once GraphiQL and React have loaded and rendered.
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.waitFor({timeout: TIMEOUT});
    await firstSchema;
    // Refused, GraphiQL asks again without the newer introspection fields: both answers come before the key goes in.
    await page.waitForLoadState('networkidle', {timeout: TIMEOUT});
    // Text goes in through CodeMirror's own API: typed keys would meet GraphiQL's completion and auto-closed brackets.
    const setText = (locator, text) => locator.evaluate((element, value) => element.CodeMirror.setValue(value), text);
    if (!keyEntered) {
      await page.locator('.graphiql-editor-tools [data-name="headers"]').click();
      await setText(page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror'),
        JSON.stringify({Authorization: `Bearer ${process.env.PIPELENS_KEY}`}));
      keyEntered = true;
      // GraphiQL takes in an edit after a short pause (it then keeps the headers in local storage): the schema is
      // fetched again after that, as a user's click would be.
      await page.waitForFunction(key => (localStorage.getItem('graphiql:headers') || '').includes(key),
        process.env.PIPELENS_KEY, {timeout: TIMEOUT});
      const schema = schemaAnswer(200, 'the schema request with the key');
      await page.getByRole('button', {name: 'Re-fetch GraphQL schema'}).click();
      await schema;
    }
    await setText(editor, operation);
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    for (const text of expected) {
      await response.getByText(text, {exact: false}).first().waitFor({timeout: TIMEOUT});
    }
    console.log(`   ok: ${name}: ${page.url()} ran the operation; its response shows ${expected.join(', ')}`);
  };
  try {
    await (refusing ? refuses() : runs());
  } catch (error) {
    problems.push(`${name}: ${error.message.split('\n')[0]}`);
  } finally {
    await page.screenshot({path: screenshot});
    console.log(`   screenshot: ${screenshot}`);
  }
} finally {
  await browser.close();
}
for (const problem of problems) console.log(`!! FAILED: ${problem}`);
process.exit(problems.length ? 1 : 0);
