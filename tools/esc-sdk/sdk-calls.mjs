// Drives Pulumi's official Node SDK (@pulumi/esc-sdk, pinned in package-lock.json) against an ESC endpoint, by
// default the SecretSync emulator: the calls the SDK's own live test makes against the service, and the values it
// expects back. Used by tests/pester/RealClients.Tests.ps1.
// Usage: PULUMI_BACKEND_URL=http://127.0.0.1:PORT PULUMI_ACCESS_TOKEN=... node sdk-calls.mjs <org>
// Prints one JSON array of {step, ok, error?} on stdout; exit code 0 = every step passed, 1 = some failed.
// Only test values travel here, and still no value is printed: a failed assertion reports its first line only.
import assert from "node:assert/strict";
import * as esc from "@pulumi/esc-sdk";

const org = process.argv[2];
const backend = process.env.PULUMI_BACKEND_URL;
if (!org || !backend || !process.env.PULUMI_ACCESS_TOKEN) {
  console.error("usage: PULUMI_BACKEND_URL=... PULUMI_ACCESS_TOKEN=... node sdk-calls.mjs <org>");
  process.exit(2);
}

// EscApi's constructor rebuilds basePath from protocol and hostname only, dropping the port (fine for
// api.pulumi.com, not for a loopback emulator); the raw client reads configuration.basePath at each call, so the
// port is put back afterwards.
const config = new esc.Configuration({ accessToken: process.env.PULUMI_ACCESS_TOKEN, basePath: backend });
const client = new esc.EscApi(config);
config.basePath = new URL("/api/esc", backend).toString();

const project = "sdk";
const name = `env-${Date.now()}`;
const base = `${name}-base`;
const results = [];

async function step(title, body) {
  try {
    await body();
    results.push({ step: title, ok: true });
  } catch (error) {
    const status = error?.response?.status;
    const message = String(error?.message ?? error);
    const said = error?.code === "ERR_ASSERTION" ? message.split("\n")[0] : message;
    results.push({ step: title, ok: false, error: `${status ? `HTTP ${status}: ` : ""}${said}` });
  }
}

await step("create", async () => {
  await client.createEnvironment(org, project, base);
  await client.createEnvironment(org, project, name);
});

await step("open an empty environment", async () => {
  const opened = await client.openAndReadEnvironment(org, project, name);
  assert.deepEqual(opened?.environment, {});
  assert.deepEqual(opened?.values, {});
});

await step("update (yaml)", async () => {
  const diags = await client.updateEnvironmentYaml(org, project, base, "values:\n  base: from-base\n");
  assert.equal(diags?.diagnostics, undefined);
});

await step("update (definition object)", async () => {
  const diags = await client.updateEnvironment(org, project, name, {
    imports: [`${project}/${base}`],
    values: {
      foo: "bar",
      my_secret: { "fn::secret": "shh! don't tell anyone" },
      my_array: [1, 2, 3],
      pulumiConfig: { foo: "${foo}" },
      environmentVariables: { FOO: "${foo}" },
    },
  });
  assert.equal(diags?.diagnostics, undefined);
});

await step("read", async () => {
  const env = await client.getEnvironment(org, project, name);
  assert.deepEqual(env?.definition?.imports, [`${project}/${base}`]);
  assert.equal(env?.definition?.values?.foo, "bar");
  assert.match(JSON.stringify(env?.definition?.values?.my_secret), /"ciphertext":"ZXNj/);
  assert.doesNotMatch(env?.yaml ?? "", /tell anyone/);
});

await step("decrypt", async () => {
  const env = await client.decryptEnvironment(org, project, name);
  assert.equal(env?.definition?.values?.my_secret?.["fn::secret"], "shh! don't tell anyone");
});

await step("open and read", async () => {
  const opened = await client.openAndReadEnvironment(org, project, name);
  assert.equal(opened?.values?.base, "from-base");
  assert.equal(opened?.values?.foo, "bar");
  assert.deepEqual(opened?.values?.my_array, [1, 2, 3]);
  assert.equal(opened?.values?.my_secret, "shh! don't tell anyone");
  assert.equal(opened?.environment?.properties?.my_secret?.secret, true);
  assert.equal(opened?.values?.pulumiConfig?.foo, "bar");
  assert.equal(opened?.values?.environmentVariables?.FOO, "bar");
});

await step("read one property of an open environment", async () => {
  const open = await client.openEnvironment(org, project, name);
  const property = await client.readOpenEnvironmentProperty(org, project, name, open?.id, "pulumiConfig.foo");
  assert.equal(property?.value, "bar");
});

await step("versions: read and open an older revision", async () => {
  const env = await client.getEnvironmentAtVersion(org, project, name, "2");
  const values = env?.definition?.values ?? {};
  values.versioned = "true";
  await client.updateEnvironment(org, project, name, env?.definition);
  const old = await client.openAndReadEnvironmentAtVersion(org, project, name, "2");
  assert.equal("versioned" in (old?.values ?? {}), false);
  const latest = await client.openAndReadEnvironmentAtVersion(org, project, name, "latest");
  assert.equal(latest?.values?.versioned, "true");
});

await step("list revisions", async () => {
  const all = await client.listEnvironmentRevisions(org, project, name);
  assert.deepEqual(all?.map((r) => r.number), [3, 2, 1]);
  const fromLatest = await client.listEnvironmentRevisions(org, project, name, 0, 2);
  assert.deepEqual(fromLatest?.map((r) => r.number), [3, 2]);
  const older = await client.listEnvironmentRevisions(org, project, name, 3);
  assert.deepEqual(older?.map((r) => r.number), [2, 1]);
});

await step("check", async () => {
  const good = await client.checkEnvironmentYaml(org, "values:\n  a: ${b}\n  b: x\n");
  assert.equal(good?.properties?.a?.value, "x");
  const bad = await client.checkEnvironmentYaml(org, "values:\n  a: ${nope}\n");
  assert.match(bad?.diagnostics?.[0]?.summary ?? "", /unknown property/);
});

await step("list", async () => {
  const listed = await client.listEnvironments(org);
  assert.ok(listed?.environments?.some((e) => e.project === project && e.name === name));
});

await step("delete", async () => {
  await client.deleteEnvironment(org, project, name);
  await client.deleteEnvironment(org, project, base);
  const listed = await client.listEnvironments(org);
  assert.equal(listed?.environments?.some((e) => e.name === name), false);
});

console.log(JSON.stringify(results, null, 2));
process.exit(results.every((r) => r.ok) ? 0 : 1);
