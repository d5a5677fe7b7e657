/** A region's page title: the page's name, and under it the region's name and id. */
export function RegionHeading({ title, regionName, regionId }: { title: string; regionName: string; regionId: string }) {
  return (
    <div>
      <h1 className="page-title">{title}</h1>
      <p className="mt-1 text-sm text-gray-700">
        {regionName} · <span className="font-mono">{regionId}</span>
      </p>
    </div>
  );
}
