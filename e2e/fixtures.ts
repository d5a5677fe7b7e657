import { fileURLToPath } from "node:url";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { connect, type Db } from "../lib/db/connect";
import { ROLE_NAMES } from "./i18n";
import { DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD, SEED_IDS } from "../lib/demo";
import {
  createGroup,
  createInstance,
  deleteInstances,
  type GroupSpec,
  type InstanceSpec,
  type SeededGroup,
  type SeededInstance,
} from "./data";
import { visit } from "./hydration";
import { readServerState } from "./server-state";

// The seeded demo (lib/demo.ts): the same password and instance ids the README names. Tests read
// the demo only on the pages that show it and never write to it; what they change, they create.
export { DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD, SEED_IDS as SEED } from "../lib/demo";
export { reload, visit, waitForHydration } from "./hydration";
export { addHistory, addLiveConsumer, GROUP_PASSWORD, TEST_REGION, type HistoryPoint, type SeededGroup, type SeededInstance } from "./data";

export type Role = "admin" | "operator" | "viewer";
/** Where the setup project keeps each role's signed-in state (gitignored). */
export const storageStateOf = (role: Role) => fileURLToPath(new URL(`.auth/${role}.json`, import.meta.url));
/** A browser context without a session. */
export const ANONYMOUS = { cookies: [], origins: [] };

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await visit(page, "/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The top bar's user menu of a demo user (named after their role): named by user and role. */
export function userMenu(page: Page, user: Role) {
  return page.getByRole("banner").getByRole("button", { name: `${user} ${ROLE_NAMES.en[user]}`, exact: true });
}

export interface CspViolation {
  source: "event" | "console";
  text: string;
}

/**
 * Records every Content-Security-Policy violation in the context's pages: the document's
 * `securitypolicyviolation` events (enforced and report-only) and the browser's console reports.
 */
async function watchCsp(context: BrowserContext, violations: CspViolation[]): Promise<void> {
  await context.exposeBinding("__dtsCspViolation", ({ page }, text: string) => {
    violations.push({ source: "event", text: `${page?.url() ?? "?"}: ${text}` });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __dtsCspViolation?: (text: string) => void }).__dtsCspViolation;
      report?.(`${e.disposition} ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
      violations.push({ source: "console", text: `${message.page()?.url() ?? "?"}: ${message.text()}` });
    }
  });
}

/** Throws, listing them, when there is any violation: how the fixture fails a test. */
export function assertNoCspViolations(violations: CspViolation[]) {
  if (violations.length) {
    throw new Error(`Content-Security-Policy violations:\n${violations.map((v) => `  [${v.source}] ${v.text}`).join("\n")}`);
  }
}

type NewContext = (options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext>;

interface TestFixtures {
  /** Names unique to this run, worker and test, so parallel tests and reruns never collide. */
  unique: (prefix: string) => string;
  /** Creates an instance (and its groups) for this test; it is removed when the test ends. */
  createInstance: (spec?: InstanceSpec) => Promise<SeededInstance>;
  /** Adds a group to an instance behind the page's back, as another user or client would. */
  createGroup: (instanceId: string, spec?: GroupSpec) => Promise<SeededGroup>;
  /** The CSP violations seen so far in this test's contexts; any left at the end fail the test. */
  cspViolations: CspViolation[];
  /** Another browser context (a second user, a visitor), CSP-checked and closed after the test. */
  newContext: NewContext;
}

interface WorkerFixtures {
  /** This worker's Prisma client on the e2e server's database. */
  db: Db;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, provide) => {
      const connection = await connect({ databaseUrl: readServerState().databaseUrl });
      // The server seeds an empty database on its first start, and only then: an instance created
      // here before that would leave the demo unseeded. The setup project's sign-ins open it first.
      if (!(await connection.prisma.instance.findUnique({ where: { id: SEED_IDS.normal }, select: { id: true } }))) {
        await connection.close();
        throw new Error("The demo seed is missing: run the suite with its setup project (do not pass --no-deps).");
      }
      await provide(connection.prisma);
      await connection.close();
    },
    { scope: "worker" },
  ],

  unique: async ({}, provide, testInfo) => {
    let n = 0;
    const run = `${testInfo.workerIndex}-${Date.now().toString(36)}`;
    await provide((prefix) => `${prefix}-${run}-${n++}`);
  },

  createInstance: async ({ db, unique }, provide) => {
    const created: string[] = [];
    await provide(async (spec) => {
      const instance = await createInstance(db, unique, spec);
      created.push(instance.id);
      return instance;
    });
    await deleteInstances(db, created);
  },

  createGroup: async ({ db, unique }, provide) => {
    await provide((instanceId, spec) => createGroup(db, unique, instanceId, spec));
  },

  cspViolations: async ({}, provide) => {
    const violations: CspViolation[] = [];
    await provide(violations);
    assertNoCspViolations(violations);
  },

  context: async ({ context, cspViolations }, provide) => {
    await watchCsp(context, cspViolations);
    await provide(context);
  },

  newContext: async ({ browser, cspViolations }, provide) => {
    const made: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await browser.newContext(options);
      made.push(context);
      await watchCsp(context, cspViolations);
      return context;
    });
    for (const context of made) await context.close();
  },
});

export { expect };
