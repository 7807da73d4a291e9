/** The bar under "Étape X sur Y"; the words say it, so the bar is hidden from assistive technologies. */
export function StepProgress({ current, total }: { current: number; total: number }) {
  return <progress class="step-progress" max={Math.max(total, 1)} value={Math.min(current, total)} aria-hidden="true" />;
}
