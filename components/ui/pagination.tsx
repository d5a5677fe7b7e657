import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

/**
 * Page links for server-side pagination; `hrefFor(n)` builds each page's URL (the neighbours'
 * carry a keyset cursor, lib/pagination.ts). `pageCount` is null when the total is only known to
 * be at least some number: then the last page is not linked, and `hasNext` says whether a next
 * page exists.
 */
export function Pagination({
  page,
  pageCount,
  hasNext = pageCount !== null && page < pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number | null;
  hasNext?: boolean;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("common.pagination");
  const last = pageCount ?? (hasNext ? page + 1 : page);
  const pages = new Set([1, pageCount ?? 1, page - 1, page, hasNext ? page + 1 : page].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  return (
    <nav aria-label={t("label")} className="flex items-center gap-1">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="page-item" aria-label={t("previous")}>
          ‹
        </Link>
      ) : (
        <span className="page-item" aria-hidden>
          ‹
        </span>
      )}
      {sorted.map((p, i) => (
        <span key={p} className="flex items-center gap-1">
          {i > 0 && p - sorted[i - 1] > 1 ? (
            <span aria-hidden className="px-1 text-gray-600">
              …
            </span>
          ) : null}
          <Link href={hrefFor(p)} aria-label={t("page", { page: p })} aria-current={p === page ? "page" : undefined} className="page-item">
            {p}
          </Link>
        </span>
      ))}
      {pageCount === null && hasNext ? (
        <span className="px-1 text-gray-400" aria-label={t("more")}>
          …
        </span>
      ) : null}
      {hasNext ? (
        <Link href={hrefFor(page + 1)} className="page-item" aria-label={t("next")}>
          ›
        </Link>
      ) : (
        <span className="page-item" aria-hidden>
          ›
        </span>
      )}
    </nav>
  );
}
