import { describe, expect, it } from 'vitest'
import { catalogServices, primaryLevel, serviceDetail } from './service-catalog.js'

describe('the service catalog', () => {
  it('lists the services of the Service Authorization Reference', async () => {
    const services = await catalogServices()
    expect(services.length).toBeGreaterThan(300)
    expect(services).toContainEqual({ prefix: 's3', name: 'Amazon S3' })
  })

  it('details a service: actions with level and resource types, resource types with ARNs, condition keys', async () => {
    const s3 = await serviceDetail('S3')
    expect(s3?.prefix).toBe('s3')
    expect(s3?.actions.find((a) => a.name === 'GetObject')).toEqual({ name: 'GetObject', accessLevel: 'Read', resourceTypes: expect.arrayContaining(['object']) })
    expect(s3?.actions.find((a) => a.name === 'PutBucketPolicy')?.accessLevel).toBe('Permissions management')
    expect(s3?.resourceTypes).toContainEqual({ name: 'bucket', arn: 'arn:${Partition}:s3:::${BucketName}' })
    expect(s3?.conditionKeys).toContain('s3:prefix')
    // Read once: the same object answers again.
    expect(await serviceDetail('s3')).toBe(s3)
  })

  it('knows nothing of prefixes outside the reference, and reads no file for them', async () => {
    expect(await serviceDetail('no-such-service')).toBeUndefined()
    expect(await serviceDetail('../actions/s3')).toBeUndefined()
    expect(await serviceDetail('')).toBeUndefined()
  })

  it('takes the first of two access levels', () => {
    expect(primaryLevel('Permissions management, Write')).toBe('Permissions management')
    expect(primaryLevel('Tagging, Write')).toBe('Tagging')
    expect(primaryLevel('List')).toBe('List')
  })
})
