import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CONNECT_CLIENTS, PASSWORD_PLACEHOLDER, connectSnippet, dtsEndpoint, type ConnectTarget } from "../../lib/consumer/connect-guide";

// docs/rules.md "Connect guide": what a consumer pastes must name its group and user, never a password.
const target: ConnectTarget = {
  endpoint: dtsEndpoint("cn-hangzhou", "vpc"),
  topic: "cn_hangzhou_rm_bp1162kryivb8_dtstest_version2",
  groupId: "dtspis1110z232",
  account: "risk_control",
};

/** A Java .properties text as java.util.Properties reads the simple lines this guide writes. */
function parseProperties(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const at = line.indexOf("=");
    assert.ok(at > 0, `a key=value line: ${line}`);
    props.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return props;
}

describe("the connect guide", () => {
  it("names DTS's endpoint of each network: public :18001, classic private :18002, VPC :18003", () => {
    assert.equal(dtsEndpoint("cn-hangzhou", "public"), "dts-cn-hangzhou.aliyuncs.com:18001");
    assert.equal(dtsEndpoint("cn-hangzhou", "private"), "dts-cn-hangzhou-internal.aliyuncs.com:18002");
    assert.equal(dtsEndpoint("cn-hangzhou", "vpc"), "dts-cn-hangzhou-vpc.aliyuncs.com:18003");
  });

  it("gives Kafka's Java client the group as group.id, the user <account>-<groupId>, SASL PLAIN and no auto-commit", () => {
    const props = parseProperties(connectSnippet("java", target));
    assert.equal(props.get("bootstrap.servers"), "dts-cn-hangzhou-vpc.aliyuncs.com:18003");
    assert.equal(props.get("group.id"), "dtspis1110z232");
    assert.equal(props.get("security.protocol"), "SASL_PLAINTEXT");
    assert.equal(props.get("sasl.mechanism"), "PLAIN");
    assert.equal(props.get("enable.auto.commit"), "false");
    const jaas = props.get("sasl.jaas.config") ?? "";
    assert.match(jaas, /^org\.apache\.kafka\.common\.security\.plain\.PlainLoginModule required /);
    assert.match(jaas, /username="risk_control-dtspis1110z232"/);
    assert.match(jaas, new RegExp(`password="${PASSWORD_PLACEHOLDER}";$`));
  });

  it("fills every client with the group and the topic, and the password only as a placeholder", () => {
    for (const client of CONNECT_CLIENTS) {
      const text = connectSnippet(client, target);
      assert.ok(text.includes(target.groupId), client);
      assert.ok(text.includes(target.topic), client);
      assert.ok(text.includes(target.endpoint), client);
      assert.ok(text.includes(PASSWORD_PLACEHOLDER), client);
    }
    // Kafka clients sign in as <account>-<groupId>; Flink and the DTS SDK take the account and the id apart.
    for (const client of ["java", "python", "go"] as const)
      assert.ok(connectSnippet(client, target).includes("risk_control-dtspis1110z232"), client);
    assert.match(connectSnippet("flink", target), /'dts\.user' = 'risk_control',/);
    assert.match(connectSnippet("flink", target), /'dts\.sid' = 'dtspis1110z232',/);
  });
});
