"use client";

import consume from "@/i18n/bundles/consume";
import validation from "@/i18n/bundles/validation";
import { messagesFor } from "../bundled-messages";

export const ConsumeMessages = messagesFor({ consume, validation });
