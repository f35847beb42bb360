// Issue 17: roles are read from titles by one set of rules in shared/, used by
// the importers and the forms alike.
import { describe, expect, it } from 'vitest';
import { roleFlags as importerRoleFlags } from '../../main/importers/normalize';
import { likelyHiringManager, roleFlags } from '../../shared/roles';

describe('roles from titles', () => {
  it('the importers use the shared rules', () => {
    expect(importerRoleFlags).toBe(roleFlags);
  });

  it('flags hiring managers and recruiters narrowly', () => {
    expect(roleFlags('Hiring Manager – Pharmacy Informatics')).toEqual({ isHiringManager: true, isRecruiter: false });
    for (const t of ['Senior Recruiter', 'Director, Talent Acquisition', 'Technical Sourcer', 'Talent Partner', 'Recruiting Lead']) {
      expect(roleFlags(t).isRecruiter, t).toBe(true);
    }
    for (const t of ['Engineering Manager', 'Staff Engineer', 'Account Manager', 'Pharmacist in Charge']) {
      expect(roleFlags(t), t).toEqual({ isHiringManager: false, isRecruiter: false });
    }
  });

  it('suggests (does not set) hiring manager for people managers, not for managers of things', () => {
    for (const t of ['Engineering Manager', 'Senior Engineering Manager', 'Head of Data', 'Director of Product', 'VP Engineering', 'CTO', 'Data Science Manager', 'Team Lead']) {
      expect(likelyHiringManager(t), t).toBe(true);
    }
    for (const t of ['Account Manager', 'Office Manager', 'Product Manager', 'Staff Engineer', 'Senior Recruiter', 'Hiring Manager', '', 'Art Director']) {
      expect(likelyHiringManager(t), t).toBe(false);
    }
  });
});
