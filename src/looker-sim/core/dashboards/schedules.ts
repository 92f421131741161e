import { iso } from '../constants'
import { notFound } from '../errors'
import { hasPermission } from '../roles'
import type { SimStore } from '../store'
import type { ScheduledPlanRecord } from '../types'
import type { Viewer } from '../viewer'
import type { ApiScheduledPlan } from './api-types'
import { nextCronRun } from './cron'

export interface SchedulesForLookParams {
  user_id?: string
  all_users?: boolean
}

/**
 * scheduled_plans_for_look: the caller's plans for a look they may see (404 otherwise). Other users'
 * plans need `see_schedules` (admins): `user_id` names one user, `all_users=true` asks for everyone's.
 * The spec documents no 403 here, so a caller without the permission gets only what they may see (their
 * own plans, or none for another user); an unknown `user_id` is a 404.
 */
export function scheduledPlansForLook(
  store: SimStore,
  viewer: Viewer,
  lookId: string,
  params: SchedulesForLookParams,
): ApiScheduledPlan[] {
  const look = store.visibleLook(viewer, lookId)
  if (params.user_id !== undefined && !store.user(params.user_id)) throw notFound()
  const seeOthers = hasPermission(viewer.user, 'see_schedules')
  const owner = params.user_id ?? viewer.user.id
  const wanted = (plan: ScheduledPlanRecord) => {
    if (params.all_users === true && seeOthers) return true
    if (plan.user_id !== owner) return false
    return owner === viewer.user.id || seeOthers
  }
  return store.data.scheduledPlans
    .filter((plan) => plan.look_id === look.id && wanted(plan))
    .map((plan) => serializePlan(store, viewer, plan, look.title))
}

function serializePlan(
  store: SimStore,
  viewer: Viewer,
  plan: ScheduledPlanRecord,
  title: string,
): ApiScheduledPlan {
  const manage = plan.user_id === viewer.user.id || viewer.isAdmin
  const next = plan.enabled ? nextCronRun(plan.crontab, viewer.now) : null
  const emails = new Set(store.data.users.map((u) => u.email.toLowerCase()))
  return {
    name: plan.name,
    user_id: plan.user_id,
    run_as_recipient: false,
    enabled: plan.enabled,
    look_id: plan.look_id,
    dashboard_id: null,
    lookml_dashboard_id: null,
    filters_string: null,
    dashboard_filters: null,
    require_results: false,
    require_no_results: false,
    require_change: false,
    send_all_results: false,
    crontab: plan.crontab,
    datagroup: null,
    timezone: plan.timezone,
    scheduled_plan_destination: plan.recipients.map((address, i) => ({
      id: String(Number(plan.id) * 100 + i + 1),
      scheduled_plan_id: plan.id,
      format: plan.format,
      apply_formatting: true,
      apply_vis: true,
      address,
      looker_recipient: emails.has(address.toLowerCase()),
      type: 'email',
      parameters: null,
      message: null,
    })),
    run_once: false,
    include_links: true,
    include_dashboard_summary: false,
    custom_url_base: null,
    custom_url_params: null,
    custom_url_label: null,
    show_custom_url: false,
    pdf_paper_size: null,
    pdf_landscape: false,
    embed: false,
    color_theme: null,
    long_tables: false,
    pdf_page_breaks: false,
    tab_ids: null,
    inline_table_width: null,
    query_id: null,
    id: plan.id,
    created_at: plan.created_at,
    updated_at: plan.updated_at,
    title,
    // No `user`: the spec's UserPublic needs an avatar_url, which the simulator never has (see serialize.ts).
    next_run_at: next === null ? null : iso(next),
    last_run_at: plan.last_run_at,
    can: { show: true, update: manage, destroy: manage, run_once: manage },
  }
}
