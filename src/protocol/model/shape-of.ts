// Looking a shape up by name. Every model-driven part of the protocol layer (reading input,
// writing output, the console's JSON bridge) follows member references this way; a reference to
// a shape the model lacks is a fault in the model, not in the request.

import type { ServiceModel, Shape } from './types.js'

export function shapeOf(model: ServiceModel, name: string): Shape {
  // Own properties only: shape names come from the model, but a stray 'constructor' must not resolve.
  const shape = Object.hasOwn(model.shapes, name) ? model.shapes[name] : undefined
  if (shape === undefined) throw new Error(`model ${model.metadata.serviceId}: no shape ${name}`)
  return shape
}
