"use client";

import accessKeys from "@/i18n/bundles/accessKeys";
import validation from "@/i18n/bundles/validation";
import { messagesFor } from "../bundled-messages";

export const AccessKeysMessages = messagesFor({ accessKeys, validation });
