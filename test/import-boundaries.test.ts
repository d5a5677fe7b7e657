import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ESLint } from "eslint";

// The layers of eslint.config.mjs (README "Architecture"): a wrong arrow fails the lint, which CI
// runs. Each probe is linted as the text of an existing file of that folder (the type-aware parser
// needs a file of the project), with the project's own config.
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it("lib never imports components or app", async () => {
    const messages = await restricted(
      "lib/data/regions.ts",
      'import { ConsumerGroupsPanel } from "@/components/consumer-groups/consumer-groups-panel";\nexport const probe = ConsumerGroupsPanel;\n',
    );
    assert.equal(messages.length, 1);
    assert.match(messages[0], /lib never imports components/);
    assert.equal(
      (await restricted("lib/data/regions.ts", 'import Page from "@/app/(console)/audit/page";\nexport const probe = Page;\n')).length,
      1,
    );
  });

  it("the tables' client code takes the zod-free rules, not the schemas (a type import is fine)", async () => {
    const file = "components/consumer-groups/consumer-groups-panel.tsx";
    const schema = await restricted(
      file,
      'import { consumeViewSchema } from "@/lib/validation/consume-view";\nexport const probe = consumeViewSchema;\n',
    );
    assert.equal(schema.length, 1);
    assert.match(schema[0], /zod-free rules/);
    assert.deepEqual(
      await restricted(
        file,
        'import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/rules";\nexport const probe = CONSUMER_GROUP_QUOTA;\n',
      ),
      [],
    );
    assert.deepEqual(
      await restricted(file, 'import type { TaskListQuery } from "@/lib/validation/task";\nexport type Probe = TaskListQuery;\n'),
      [],
    );
  });

  it("zod comes from lib/validation/zod everywhere", async () => {
    assert.equal((await restricted("components/ui/badge.tsx", 'import { z } from "zod";\nexport const probe = z;\n')).length, 1);
  });

  it("links come from components/ui/link, which does not prefetch", async () => {
    const probe = 'import Link from "next/link";\nexport const probe = Link;\n';
    for (const file of ["app/(console)/audit/page.tsx", "components/tasks/task-table.tsx"]) {
      const messages = await restricted(file, probe);
      assert.equal(messages.length, 1, file);
      assert.match(messages[0], /do not prefetch/);
    }
    assert.deepEqual(await restricted("components/ui/link.tsx", probe), []);
  });

  it("toasts come from components/ui/toast, which loads sonner with the first one", async () => {
    const probe = 'import { toast } from "sonner";\nexport const probe = toast;\n';
    for (const file of ["components/ui/copy-button.tsx", "components/shell/console-state.tsx"]) {
      const messages = await restricted(file, probe);
      assert.equal(messages.length, 1, file);
      assert.match(messages[0], /first toast/);
    }
    assert.deepEqual(await restricted("components/ui/toast.tsx", probe), []);
  });
});
