import { notFound } from '../errors'
import type { SimStore } from '../store'
import type { Viewer } from '../viewer'
import { findExplore, findModel, MODELS } from './catalog'
import { lookmlModel, lookmlModelExplore, type FieldUsage } from './serialize'

/** How many of the instance's queries select each field, counted when asked (a few hundred queries). */
function fieldUsage(store: SimStore): FieldUsage {
  const counts = new Map<string, number>()
  for (const query of store.data.queries) {
    for (const name of new Set(query.fields)) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return (name) => counts.get(name) ?? 0
}

/** all_lookml_models: every model (all users share the one model set, decision 0003). */
export const allLookmlModels = () => MODELS.map(lookmlModel)

/** lookml_model: one model by name, 404 when there is none. */
export function getLookmlModel(name: string) {
  const model = findModel(name)
  if (!model) throw notFound()
  return lookmlModel(model)
}

/** lookml_model_explore: the explore with its dimensions and measures; 404 for an unknown model or explore. */
export function getLookmlModelExplore(
  store: SimStore,
  viewer: Viewer,
  modelName: string,
  exploreName: string,
) {
  const explore = findExplore(modelName, exploreName)
  if (!explore) throw notFound()
  return lookmlModelExplore(viewer, explore, fieldUsage(store))
}
