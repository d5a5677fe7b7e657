import NextAuth from "next-auth";
import { withAuthRouteRules } from "@/lib/auth/auth-route";
import { authOptions } from "@/lib/auth/options";

// next-auth 4 types its App Router handler loosely; it is a (request, context) => Response handler.
const handler = withAuthRouteRules(NextAuth(authOptions) as Parameters<typeof withAuthRouteRules>[0]);

export { handler as GET, handler as POST };
