import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

export function Breadcrumb({ items }: { items: { label: string; href?: string }[] }) {
  const t = useTranslations("common");
  return (
    <nav aria-label={t("breadcrumb")} className="crumbs">
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {i > 0 ? <span aria-hidden>/</span> : null}
            {item.href ? <Link href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
