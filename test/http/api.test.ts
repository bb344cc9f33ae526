// The main flow over HTTP: register, fail, pass, and watch status and due date change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect } from '../support/dialects.ts';
import { postJson, testApp } from '../support/http.ts';
import { USCC, instrumentInput, organizationInput, verificationInput } from '../support/fixtures.ts';

describeEachDialect('HTTP API', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await testApp(ctx());
  });
  after(() => app.close());

  test('health and reference data', async () => {
    const health = (await app.inject('/api/v1/health')).json();
    assert.equal(health.status, 'ok');
    const districts = (await app.inject('/api/v1/reference/districts')).json();
    assert.equal(districts.length, 38);
    assert.deepEqual(districts.find((d: { code: string }) => d.code === '500103'), { code: '500103', nameZh: '渝中区', nameEn: 'Yuzhong District', kind: 'district' });
    const categories = (await app.inject('/api/v1/reference/categories')).json();
    const fuel = categories.find((c: { code: string }) => c.code === 'FUEL_DISPENSER');
    assert.equal(fuel.cycleMonths, 6);
    assert.equal(fuel.regulation, 'JJG 443-2023');
    assert.equal((await app.inject('/api/v1/reference/use-domains')).json().length, 4);
  });

  test('register, record a failed then a passed verification, and read the instrument', async () => {
    const owner = await postJson(app, '/api/v1/organizations', organizationInput());
    assert.equal(owner.statusCode, 201, owner.body);
    const institute = await postJson(app, '/api/v1/organizations', organizationInput({ uscc: USCC.institute, name: '重庆市计量质量检测研究院', roles: ['verification_institute'] }));
    const instrument = await postJson(app, '/api/v1/instruments', instrumentInput(owner.json().id, { ownerId: undefined, ownerUscc: USCC.market }));
    assert.equal(instrument.statusCode, 201, instrument.body);
    const id = instrument.json().id;
    assert.equal(instrument.json().ownerId, owner.json().id);

    const failed = await postJson(app, `/api/v1/instruments/${id}/verifications`, verificationInput(institute.json().id, { verifiedOn: '2026-11-20', conclusion: 'fail', items: [{ name: '偏载', error: 9, mpe: 5 }] }));
    assert.equal(failed.statusCode, 201, failed.body);
    assert.equal((await app.inject(`/api/v1/instruments/${id}`)).json().status, 'suspended');

    const passed = await postJson(app, `/api/v1/instruments/${id}/verifications`, verificationInput(institute.json().id, { verifiedOn: '2026-11-25', adjusted: true }));
    assert.equal(passed.json().validUntil, '2027-11-24');
    const detail = (await app.inject(`/api/v1/instruments/${id}`)).json();
    assert.equal(detail.status, 'in_use');
    assert.equal(detail.nextDueOn, '2027-11-24');
    assert.equal(detail.dueState, 'valid');
    assert.equal(detail.verifications.length, 2);
    assert.equal(detail.verifications[1].adjusted, true);
    assert.deepEqual(detail.verifications[0].items[0], { name: '偏载', error: 9, mpe: 5, pass: false, decision: { rule: 'simple', accept: false } });
    assert.deepEqual(detail.verifications.map((v: { certificate: unknown }) => v.certificate), [null, null]);

    // Each verification carries its certificate's summary once one is issued.
    const issued = await postJson(app, `/api/v1/verifications/${passed.json().id}/certificate`, {});
    assert.equal(issued.statusCode, 201, issued.body);
    const withCertificate = (await app.inject(`/api/v1/instruments/${id}`)).json();
    assert.deepEqual(withCertificate.verifications.map((v: { certificate: unknown }) => v.certificate), [
      null,
      { certificateNo: passed.json().documentNo, version: 1, status: 'valid', issuedAt: issued.json().issuedAt },
    ]);

    const list = (await app.inject(`/api/v1/instruments?ownerId=${owner.json().id}&status=in_use`)).json();
    assert.equal(list.total, 1);
    assert.equal(list.asOf, '2026-11-27');
    const org = (await app.inject(`/api/v1/organizations/${owner.json().id}`)).json();
    assert.equal(org.instrumentCount, 1);
    const summary = (await app.inject('/api/v1/supervision/due-summary')).json();
    assert.equal(summary.totals.valid, 1);
  });

  test('lifecycle action over HTTP', async () => {
    const list = (await app.inject('/api/v1/instruments')).json();
    const scrapped = await postJson(app, `/api/v1/instruments/${list.items[0].id}/actions`, { action: 'scrap', note: '损坏' });
    assert.equal(scrapped.statusCode, 200, scrapped.body);
    assert.equal(scrapped.json().status, 'scrapped');
  });

  test('templates download and import through the raw body', async () => {
    const template = await app.inject('/api/v1/imports/templates/instruments.xlsx');
    assert.equal(template.statusCode, 200);
    assert.match(String(template.headers['content-disposition']), /jiliang-instruments-template\.xlsx/);
    const file = `categoryCode,manufacturer,model,serialNo,ownerUscc,districtCode,useDomain\nTAXI_METER,x,y,T-1,${USCC.market},500103,TRADE\nTAXI_METER,x,y,T-2,${USCC.market},123456,TRADE\n`;
    const rejected = await app.inject({ method: 'POST', url: '/api/v1/imports/instruments?format=csv', payload: file, headers: { 'content-type': 'text/csv' } });
    assert.equal(rejected.statusCode, 422);
    assert.equal(rejected.json().code, 'JL_ERR_IMPORT_HAS_ERRORS');
    assert.equal(rejected.json().report.rows[0].row, 3);
    const accepted = await app.inject({ method: 'POST', url: '/api/v1/imports/instruments?format=csv&mode=valid-only', payload: file, headers: { 'content-type': 'application/octet-stream' } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().written, 1);
    const exported = await app.inject('/api/v1/exports/instruments.csv?categoryCode=TAXI_METER');
    assert.match(exported.body, /T-1/);
  });

  test('OpenAPI document lists every route with its schemas', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    const paths = Object.keys(doc.paths).sort();
    for (const p of [
      '/api/v1/health',
      '/api/v1/instruments',
      '/api/v1/instruments/{id}',
      '/api/v1/instruments/{id}/actions',
      '/api/v1/instruments/{id}/verifications',
      '/api/v1/organizations',
      '/api/v1/organizations/{id}',
      '/api/v1/supervision/due-summary',
      '/api/v1/imports/{kind}',
      '/api/v1/reference/districts',
    ]) {
      assert.ok(paths.includes(p), `${p} missing from ${paths.join(', ')}`);
    }
    assert.ok(doc.paths['/api/v1/instruments'].post.requestBody.content['application/json'].schema.properties.serialNo);
    const detail = doc.paths['/api/v1/instruments/{id}'].get.responses['200'].content['application/json'].schema;
    const verification = detail.allOf.find((s: { properties?: Record<string, unknown> }) => s.properties?.verifications).properties.verifications.items;
    assert.deepEqual(verification.properties.certificate.anyOf.map((s: { type: string }) => s.type), ['object', 'null']);
    assert.deepEqual(Object.keys(verification.properties.certificate.anyOf[0].properties), ['certificateNo', 'version', 'status', 'issuedAt']);
    assert.deepEqual(verification.properties.certificate.anyOf[0].properties.status.enum, ['valid', 'expired', 'revoked', 'superseded']);
  });
});
