"use client";

import monitoring from "@/i18n/bundles/monitoring";
import consume from "@/i18n/bundles/consume";
import validation from "@/i18n/bundles/validation";
import { messagesFor } from "../bundled-messages";

export const MonitoringMessages = messagesFor({ monitoring, consume, validation });
