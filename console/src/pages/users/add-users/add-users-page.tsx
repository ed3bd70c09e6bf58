// The Add users wizard: details, permissions, tags, review, then create and show the results.
// Nothing is created before "Create users"; each step's heading takes focus when it opens so
// keyboard and screen-reader users know where they are.

import { useEffect, useRef, useState } from 'react'
import { ErrorPanel } from '../../../components/error-panel'
import { TagEditor, tagProblem } from '../../../components/tag-editor'
import { useAction } from '../../../components/use-action'
import { WizardSteps } from '../../../components/wizard-steps'
import { Link, navigate } from '../../../router'
import { createUsers, resolvePlan, type CreatedUser } from './create-users'
import { DetailsStep } from './details-step'
import { policyPasswordLength } from './generate-password'
import { PermissionsStep } from './permissions-step'
import { ResultsStep } from './results-step'
import { ReviewStep } from './review-step'
import { detailsProblems, INITIAL_STATE, type PermissionPlan, type WizardState } from './wizard-state'

const STEPS = ['User details', 'Permissions', 'Tags', 'Review', 'Results'] as const

export function AddUsersPage() {
  const [state, setState] = useState<WizardState>(INITIAL_STATE)
  const [step, setStep] = useState(0)
  const [showProblems, setShowProblems] = useState(false)
  const [plan, setPlan] = useState<{ plan?: PermissionPlan; error?: unknown }>({})
  const [results, setResults] = useState<CreatedUser[] | undefined>(undefined)
  const creating = useAction()
  const heading = useRef<HTMLHeadingElement>(null)
  const set = (patch: Partial<WizardState>) => setState((s) => ({ ...s, ...patch }))
  const problems = detailsProblems(state)
  const tagsProblem = tagProblem(state.tags)
  const copyProblem = state.permissionMode === 'copy' && !state.copyFrom ? 'Choose the user to copy permissions from.' : undefined

  useEffect(() => heading.current?.focus(), [step])
  useEffect(() => {
    if (step !== 3) return
    let live = true
    setPlan({})
    resolvePlan(state).then(
      (p) => live && setPlan({ plan: p }),
      (error: unknown) => live && setPlan({ error })
    )
    return () => {
      live = false
    }
    // Resolved when Review opens, from the state as it is then.
  }, [step])

  const next = () => {
    if (step === 0 && Object.keys(problems).length) return setShowProblems(true)
    if (step === 1 && copyProblem) return setShowProblems(true)
    if (step === 2 && tagsProblem) return setShowProblems(true)
    setShowProblems(false)
    setStep(step + 1)
  }
  const create = () =>
    creating.run(async () => {
      if (!plan.plan) return
      setResults(await createUsers(state, plan.plan, await policyPasswordLength()))
      setStep(4)
    })

  return (
    <>
      <p>
        <Link to="/users">Users</Link> › Add users
      </p>
      <h1>Add users</h1>
      <WizardSteps steps={STEPS} current={step} />
      <form
        className="panel wizard"
        onSubmit={(e) => {
          e.preventDefault()
          if (step < 3) next()
        }}
        aria-labelledby="wizard-step-title"
      >
        <h2 id="wizard-step-title" ref={heading} tabIndex={-1}>
          {STEPS[step]}
        </h2>
        {step === 0 && <DetailsStep state={state} set={set} problems={showProblems ? problems : {}} />}
        {step === 1 && (
          <>
            <PermissionsStep state={state} set={set} />
            {showProblems && copyProblem && <p className="field-error">{copyProblem}</p>}
          </>
        )}
        {step === 2 && (
          <>
            <p className="muted">Tags are key–value pairs you can use to organize, track or control access to the users.</p>
            <TagEditor tags={state.tags} onChange={(tags) => set({ tags })} />
            {showProblems && tagsProblem && <p className="field-error">{tagsProblem}</p>}
          </>
        )}
        {step === 3 && <ReviewStep state={state} plan={plan.plan} planError={plan.error} />}
        {step === 4 && results && <ResultsStep results={results} />}
        {creating.error !== undefined && <ErrorPanel error={creating.error} />}
        <div className="actions wizard-actions">
          {step < 4 && (
            <button type="button" onClick={() => navigate('/users')}>
              Cancel
            </button>
          )}
          {step > 0 && step < 4 && (
            <button type="button" onClick={() => setStep(step - 1)} disabled={creating.busy}>
              Previous
            </button>
          )}
          {step < 3 && (
            <button type="submit" className="primary">
              Next: {STEPS[step + 1]}
            </button>
          )}
          {step === 3 && (
            <button type="button" className="primary" onClick={() => void create()} disabled={creating.busy || !plan.plan}>
              {creating.busy ? 'Creating…' : state.userNames.length > 1 ? 'Create users' : 'Create user'}
            </button>
          )}
          {step === 4 && (
            <button type="button" className="primary" onClick={() => navigate('/users')}>
              Close
            </button>
          )}
        </div>
      </form>
    </>
  )
}
