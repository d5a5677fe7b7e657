// The consumer's next step: ready configurations for the clients DTS documents, for one consumer
// group on one network (docs/rules.md "Connect guide"). Pure and client-safe: the Data Consume page
// renders it in the browser. The password is always a placeholder: the console never has it.

/** DTS's change tracking endpoints by network: public :18001, classic private :18002, VPC :18003. */
export const CONNECT_NETWORKS = ["vpc", "private", "public"] as const;
export type ConnectNetwork = (typeof CONNECT_NETWORKS)[number];
export const DTS_PORTS: Record<ConnectNetwork, number> = { public: 18001, private: 18002, vpc: 18003 };

/** The host DTS names for a region and network, with its port. */
export function dtsEndpoint(regionId: string, network: ConnectNetwork): string {
  const host =
    network === "public" ? `dts-${regionId}.aliyuncs.com` : `dts-${regionId}-${network === "vpc" ? "vpc" : "internal"}.aliyuncs.com`;
  return `${host}:${DTS_PORTS[network]}`;
}

export const CONNECT_CLIENTS = ["java", "python", "go", "flink", "sdk"] as const;
export type ConnectClient = (typeof CONNECT_CLIENTS)[number];

/** DTS's help page for each client (English; the Chinese site has the same paths). */
export const CONNECT_HELP: Record<ConnectClient, string> = {
  java: "https://www.alibabacloud.com/help/en/dts/user-guide/use-a-kafka-client-to-consume-tracked-data-2",
  python: "https://www.alibabacloud.com/help/en/dts/user-guide/use-a-kafka-client-to-consume-tracked-data-2",
  go: "https://www.alibabacloud.com/help/en/dts/user-guide/use-a-kafka-client-to-consume-tracked-data-2",
  flink: "https://www.alibabacloud.com/help/en/dts/user-guide/use-flink-dts-connector-to-consume-tracked-data-2",
  sdk: "https://www.alibabacloud.com/help/en/dts/user-guide/how-to-run-sdk-demo",
};

/** What the password is replaced with in every snippet. */
export const PASSWORD_PLACEHOLDER = "<consumer group password>";

export interface ConnectTarget {
  /** host:port of the chosen network */
  endpoint: string;
  topic: string;
  groupId: string;
  /** the consumer group's account (its user name) */
  account: string;
}

/** The SASL PLAIN user of a Kafka client: `<account>-<consumerGroupId>`. */
export const saslUser = (t: Pick<ConnectTarget, "account" | "groupId">) => `${t.account}-${t.groupId}`;

/**
 * One client's configuration. Kafka clients (0.11 to 2.7): SASL_PLAINTEXT with PLAIN, `group.id` the
 * group's id, auto-commit off (the server refuses it), partition 0 of the topic. Flink and the DTS
 * SDK take the group id (`sid`) and the account apart.
 */
export function connectSnippet(client: ConnectClient, t: ConnectTarget): string {
  const user = saslUser(t);
  switch (client) {
    case "java":
      return [
        `# Kafka client (Java) consumer.properties; topic ${t.topic}, partition 0, records in DTS's Avro Record schema`,
        `bootstrap.servers=${t.endpoint}`,
        `group.id=${t.groupId}`,
        `security.protocol=SASL_PLAINTEXT`,
        `sasl.mechanism=PLAIN`,
        `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${user}" password="${PASSWORD_PLACEHOLDER}";`,
        `enable.auto.commit=false`,
        `key.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer`,
        `value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer`,
        ``,
      ].join("\n");
    case "python":
      return [
        `# pip install confluent-kafka`,
        `from confluent_kafka import Consumer, TopicPartition`,
        ``,
        `consumer = Consumer({`,
        `    "bootstrap.servers": "${t.endpoint}",`,
        `    "group.id": "${t.groupId}",`,
        `    "security.protocol": "SASL_PLAINTEXT",`,
        `    "sasl.mechanism": "PLAIN",`,
        `    "sasl.username": "${user}",`,
        `    "sasl.password": "${PASSWORD_PLACEHOLDER}",`,
        `    "enable.auto.commit": False,`,
        `})`,
        `consumer.assign([TopicPartition("${t.topic}", 0)])`,
        ``,
      ].join("\n");
    case "go":
      return [
        `// go get github.com/confluentinc/confluent-kafka-go/v2/kafka`,
        `topic := "${t.topic}"`,
        `consumer, err := kafka.NewConsumer(&kafka.ConfigMap{`,
        `\t"bootstrap.servers":  "${t.endpoint}",`,
        `\t"group.id":           "${t.groupId}",`,
        `\t"security.protocol":  "SASL_PLAINTEXT",`,
        `\t"sasl.mechanisms":    "PLAIN",`,
        `\t"sasl.username":      "${user}",`,
        `\t"sasl.password":      "${PASSWORD_PLACEHOLDER}",`,
        `\t"enable.auto.commit": false,`,
        `})`,
        `if err == nil {`,
        `\terr = consumer.Assign([]kafka.TopicPartition{{Topic: &topic, Partition: 0}})`,
        `}`,
        ``,
      ].join("\n");
    case "flink":
      return [
        `-- flink-dts-connector; one table per source table`,
        `CREATE TABLE dts_source (`,
        `  -- the tracked table's columns`,
        `  id BIGINT`,
        `) WITH (`,
        `  'connector' = 'dts',`,
        `  'dts.server' = '${t.endpoint}',`,
        `  'topic' = '${t.topic}',`,
        `  'dts.sid' = '${t.groupId}',`,
        `  'dts.user' = '${t.account}',`,
        `  'dts.password' = '${PASSWORD_PLACEHOLDER}',`,
        `  'dts.checkpoint' = '<unix seconds to start from>',`,
        `  'format' = 'dts-cdc'`,
        `);`,
        ``,
      ].join("\n");
    case "sdk":
      return [
        `// com.aliyun.dts:dts-new-subscribe-sdk`,
        `ConsumerContext context = new ConsumerContext(`,
        `    "${t.endpoint}",`,
        `    "${t.topic}",`,
        `    "${t.groupId}",`,
        `    "${t.account}",`,
        `    "${PASSWORD_PLACEHOLDER}",`,
        `    "<unix seconds to start from, or empty for the stored checkpoint>",`,
        `    ConsumerContext.ConsumerSubscribeMode.ASSIGN);`,
        ``,
      ].join("\n");
  }
}
