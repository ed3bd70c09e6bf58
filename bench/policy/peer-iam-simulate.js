// The peer engine for the policy benchmark: @cloud-copilot/iam-simulate, driven two ways.
//   public: runSimulation() per decision, as its documentation shows.
//   core:   its internal authorize() with policies validated and loaded once up front. The
//           package exports no such entry point, so this imports its dist files by path; it
//           still normalises the request context per decision, as runSimulation does.

import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const simIndex = fileURLToPath(import.meta.resolve('@cloud-copilot/iam-simulate'))
const polIndex = fileURLToPath(import.meta.resolve('@cloud-copilot/iam-policy'))
const SIM = dirname(simIndex)
const at = (dir, file) => pathToFileURL(join(dir, file)).href

const sim = await import(at(SIM, 'index.js'))
const pol = await import(at(dirname(polIndex), 'index.js'))
const { authorize } = await import(at(SIM, 'core_engine/CoreSimulatorEngine.js'))
const { normalizeSimulationParameters } = await import(at(SIM, 'simulation_engine/simulationEngine.js'))
const { AwsRequestImpl } = await import(at(SIM, 'request/request.js'))
const { RequestContextImpl } = await import(at(SIM, 'requestContext.js'))
const { DiscoveryContextKeyConstraints } = await import(at(SIM, 'context_keys/discoveryContextKeyConstraints.js'))
const { expandShortArn } = await import(at(SIM, 'util/resourceStrings.js'))

const RESULTS = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' }

function result(r) {
  const mapped = RESULTS[r]
  if (!mapped) throw new Error(`unexpected iam-simulate result: ${r}`)
  return mapped
}

function simulationPolicies(p) {
  return {
    identityPolicies: p.identity.map(({ name, policy }) => ({ name, policy })),
    permissionBoundaryPolicies: p.boundary ? [{ name: 'PermissionsBoundary', policy: p.boundary }] : undefined,
    resourcePolicy: p.resource ?? undefined,
    sessionPolicy: p.session ?? undefined,
    serviceControlPolicies: (p.scp ?? []).map((level) => ({ orgIdentifier: level.target, policies: level.policies.map(({ name, policy }) => ({ name, policy })) })),
    resourceControlPolicies: []
  }
}

function simulationRequest(req) {
  return { principal: req.principal, action: req.action, resource: { resource: req.resource, accountId: req.resourceAccount }, contextVariables: req.context ?? {} }
}

/** Public API: one runSimulation() per decision. */
export function preparePublic(workload) {
  const base = simulationPolicies(workload.policies)
  return {
    async decide(request) {
      const res = await sim.runSimulation({ ...base, request: simulationRequest(request) }, { simulationMode: 'Strict' })
      if (res.resultType === 'error') throw new Error(`iam-simulate error: ${JSON.stringify(res.errors)}`)
      return result(res.overallResult)
    }
  }
}

/** Core: authorize() over policies loaded once. */
export function prepareCore(workload) {
  const p = simulationPolicies(workload.policies)
  const load = (doc, name) => pol.loadPolicy(doc, { name })
  const policies = {
    identityPolicies: p.identityPolicies.map(({ name, policy }) => load(policy, name)),
    permissionBoundaries: p.permissionBoundaryPolicies?.map(({ name, policy }) => load(policy, name)),
    resourcePolicy: p.resourcePolicy ? load(p.resourcePolicy, 'ResourcePolicy') : undefined,
    sessionPolicy: p.sessionPolicy ? load(p.sessionPolicy, 'SessionPolicy') : undefined,
    serviceControlPolicies: p.serviceControlPolicies.map((l) => ({ orgIdentifier: l.orgIdentifier, policies: l.policies.map(({ name, policy }) => load(policy, name)) })),
    resourceControlPolicies: [],
    vpcEndpointPolicies: undefined
  }
  const simulationParameters = { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) }
  const serviceSettings = { s3: { blockPublicAccess: undefined } }
  const wildcardOnly = new Map()
  return {
    async decide(req) {
      let only = wildcardOnly.get(req.action)
      if (only === undefined) {
        const [service, action] = req.action.split(':')
        only = await sim.isWildcardOnlyAction(service, action)
        wildcardOnly.set(req.action, only)
      }
      const ctx = (await normalizeSimulationParameters({ request: simulationRequest(req) }, undefined)).validContextValues
      const request = new AwsRequestImpl(req.principal, { resource: expandShortArn(req.resource), accountId: req.resourceAccount }, req.action, new RequestContextImpl(ctx), only)
      return result(authorize({ request, ...policies, simulationParameters, serviceSettings }).result)
    }
  }
}

/** The peer's parse step for the parse benchmark: JSON text to a validated, loaded policy. */
export function peerParse(text) {
  const doc = JSON.parse(text)
  const errors = pol.validateIdentityPolicy(doc)
  if (errors.length) throw new Error(`peer rejects the policy: ${JSON.stringify(errors)}`)
  return pol.loadPolicy(doc)
}

export const PEER = '@cloud-copilot/iam-simulate'
