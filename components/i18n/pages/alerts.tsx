"use client";

import alerts from "@/i18n/bundles/alerts";
import validation from "@/i18n/bundles/validation";
import { messagesFor } from "../bundled-messages";

export const AlertsMessages = messagesFor({ alerts, validation });
