import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { VisTypeIcon } from './VisTypeIcon'

describe('VisTypeIcon', () => {
  it('names a known type', () => {
    render(<VisTypeIcon type="looker_funnel" />)
    expect(screen.getByTitle('Funnel')).toBeInTheDocument()
  })

  it('a type named like an Object.prototype member is an unknown chart, not a crash', () => {
    for (const type of ['toString', 'constructor', '__proto__']) {
      const { unmount } = render(<VisTypeIcon type={type} />)
      expect(screen.getByTitle(`Chart (${type})`)).toBeInTheDocument()
      unmount()
    }
  })
})
