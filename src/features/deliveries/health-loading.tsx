/** What a Health cell shows until its figures are in: also the placeholder while the health code itself loads. */
export function HealthLoading() {
  return (
    <span className="health health-loading" aria-busy="true">
      Loading health…
    </span>
  )
}
