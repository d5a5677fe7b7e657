"use client";

import instance from "@/i18n/bundles/instance";
import validation from "@/i18n/bundles/validation";
import { messagesFor } from "../bundled-messages";

export const InstanceMessages = messagesFor({ instance, validation });
