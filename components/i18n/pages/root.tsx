"use client";

import common from "@/i18n/bundles/common";
import shell from "@/i18n/bundles/shell";
import regions from "@/i18n/bundles/regions";
import { messagesFor } from "../bundled-messages";

export const RootMessages = messagesFor({ common, shell, regions });
