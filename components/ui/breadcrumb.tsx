import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

export function Breadcrumb({ items }: { items: { label: string; href?: string }[] }) {
  const t = useTranslations("common");
  return (
    <nav aria-label={t("breadcrumb")} className="mb-3 text-sm text-gray-700">
      <ol className="flex flex-wrap items-center gap-1.5">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-1.5">
            {i > 0 ? <span aria-hidden>/</span> : null}
            {item.href ? (
              <Link href={item.href} className="text-blue-700 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="text-gray-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
