import { Button } from '../ui/Button';
import styles from './Breadcrumb.module.css';

interface BreadcrumbProps {
  /** The steps before the current screen, each with where it leads. */
  trail: readonly { label: string; onClick: () => void }[];
  current: string;
}

/** 会議一覧 › 会議の詳細 › 会議の変更: where the person is, each step back one click away. */
export function Breadcrumb({ trail, current }: BreadcrumbProps) {
  return (
    <nav className={styles.breadcrumb} aria-label="現在の位置">
      {trail.map((step) => (
        <span key={step.label} className={styles.breadcrumbStep}>
          <Button variant="link" onClick={step.onClick}>
            {step.label}
          </Button>
          <span aria-hidden="true">›</span>
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
