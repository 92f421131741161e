import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_DEADLINE_MINUTES,
  keepWaiting,
  setTaskDeadlineMinutes,
  taskDeadline,
  taskDeadlineMinutes,
  useTaskOverdue,
} from './taskDeadline'

afterEach(() => setTaskDeadlineMinutes(DEFAULT_DEADLINE_MINUTES))

describe('the task deadline', () => {
  it('is a setting: 10 minutes unless chosen otherwise, remembered in this browser', () => {
    expect(taskDeadlineMinutes()).toBe(10)
    expect(taskDeadline('t').afterMs).toBe(600_000)
    setTaskDeadlineMinutes(30)
    expect(localStorage.getItem('lookbook.taskDeadlineMinutes')).toBe('30')
    expect(taskDeadline('t').afterMs).toBe(1_800_000)
  })

  it('marks a task overdue until the user keeps waiting, and withdraws the question when polling stops', async () => {
    const { result } = renderHook(({ key }) => useTaskOverdue(key), { initialProps: { key: 'task-1' } })
    expect(result.current).toBe(false)
    const controller = new AbortController()
    let resumed = false
    act(() => {
      void taskDeadline('task-1')
        .reached(controller.signal)
        .then(() => (resumed = true))
    })
    expect(result.current).toBe(true)
    act(() => keepWaiting('task-1'))
    await Promise.resolve()
    expect(result.current).toBe(false)
    expect(resumed).toBe(true)

    act(() => void taskDeadline('task-1').reached(controller.signal))
    expect(result.current).toBe(true)
    act(() => controller.abort())
    expect(result.current).toBe(false)
    // Another task is not affected by this one's question.
    act(() => void taskDeadline('task-2').reached(new AbortController().signal))
    expect(result.current).toBe(false)
  })
})
