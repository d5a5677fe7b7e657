import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center">
        <h1 className="text-lg font-semibold text-gray-900">Page not found</h1>
        <p className="mt-2 text-sm text-gray-600">There is nothing at this address.</p>
        <Link href="/change-tracking" className="mt-5 inline-block text-sm text-blue-600 hover:underline">
          Go to Change Tracking Tasks
        </Link>
      </div>
    </main>
  );
}
