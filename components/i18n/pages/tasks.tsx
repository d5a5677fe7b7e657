"use client";

import tasks from "@/i18n/bundles/tasks";
import { messagesFor } from "../bundled-messages";

export const TasksMessages = messagesFor({ tasks });
