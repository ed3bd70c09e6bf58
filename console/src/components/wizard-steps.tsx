// The numbered steps of a wizard, the current one marked with aria-current="step".

export function WizardSteps({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="wizard-steps" aria-label="Steps">
      {steps.map((s, i) => (
        <li key={s} aria-current={i === current ? 'step' : undefined} className={i < current ? 'done' : i === current ? 'current' : ''}>
          <span className="muted">Step {i + 1}</span> {s}
        </li>
      ))}
    </ol>
  )
}
