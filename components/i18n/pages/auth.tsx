"use client";

import auth from "@/i18n/bundles/auth";
import validation from "@/i18n/bundles/validation";
import { messagesFor } from "../bundled-messages";

export const AuthMessages = messagesFor({ auth, validation });
