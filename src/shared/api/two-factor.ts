import { z } from 'zod';

/** A code from the authenticator app (6 digits) or a recovery code (like ABCDE-FGHJK). */
export const secondStepCode = z.string().trim().min(6, 'Type the 6-digit code from your app').max(20, 'That code is too long');

export const twoFactorStart = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code, for an authenticator app to scan. */
  qrSvg: z.string(),
});
export const twoFactorCodeBody = z.object({ code: secondStepCode });
export const twoFactorConfirmed = z.object({ recoveryCodes: z.array(z.string()) });
export const twoFactorStatus = z.object({
  /** This member has two-step sign-in on. */
  on: z.boolean(),
  /** The practice owner requires it of everyone. */
  required: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;
