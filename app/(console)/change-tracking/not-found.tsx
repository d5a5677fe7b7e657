import Link from "next/link";

export default function InstanceNotFound() {
  return (
    <div className="mx-auto mt-10 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center sm:mt-16">
      <p className="font-mono text-sm text-gray-700">404</p>
      <h1 className="mt-1 text-lg font-semibold text-gray-900">Instance not found</h1>
      <p className="mt-2 text-sm text-gray-700">
        No change tracking instance has this ID. It may have been released, or the link may be mistyped.
      </p>
      <Link href="/change-tracking" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to Change Tracking Tasks
      </Link>
    </div>
  );
}
