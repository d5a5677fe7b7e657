import Link from "next/link";

export default function InstanceNotFound() {
  return (
    <div className="mx-auto mt-16 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold text-gray-900">Instance not found</h1>
      <p className="mt-2 text-sm text-gray-600">
        No change tracking instance has this ID. It may have been released, or the link may be mistyped.
      </p>
      <Link href="/change-tracking" className="mt-5 inline-block text-sm text-blue-600 hover:underline">
        Back to Change Tracking Tasks
      </Link>
    </div>
  );
}
