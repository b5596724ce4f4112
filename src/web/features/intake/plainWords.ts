import type { REFERRAL_SOURCES } from '../../../shared/api/clients.js';
import type { Caution, Complaint, Lifestyle, Tool } from '../../../shared/vocabulary.js';

// What the client reads on their phone: short, everyday words a 12-year-old can follow.
// The therapist's labels live in shared/vocabulary.ts; these say the same things plainly.

export const plainComplaints: Record<Complaint, string> = {
  headaches: 'Headaches',
  'neck-pain': 'Sore neck',
  'jaw-tension': 'Tight jaw',
  'shoulder-tension': 'Tight shoulders',
  'rounded-shoulders': 'Shoulders that round forward',
  'upper-back-pain': 'Upper back pain',
  'low-back-pain': 'Low back pain',
  'hip-tightness': 'Tight hips',
  'piriformis-sciatic': 'Pain in my bottom or down my leg',
  'tight-hamstrings': 'Tight back of my legs',
  'knee-pain': 'Knee pain',
  'tight-calves': 'Tight calves',
  'shin-pain': 'Sore shins',
  'foot-pain': 'Sore feet',
  'forearm-wrist-strain': 'Sore arm or wrist',
  'stress-sleep': 'Stress or poor sleep',
  'workout-recovery': 'Sore after sport or exercise',
};

export const plainLifestyle: Record<Lifestyle, string> = {
  'desk-work': 'I sit at a desk',
  driving: 'I drive a lot',
  'standing-work': 'I stand at work',
  'manual-work': 'I lift or carry at work',
  runner: 'I run',
  cyclist: 'I ride a bike',
  'strength-training': 'I lift weights',
  swimmer: 'I swim',
  'racket-or-golf': 'I play tennis, golf or a racket sport',
  musician: 'I play music',
  'new-parent': 'I look after a baby',
  gardening: 'I garden',
};

export const plainTools: Record<Tool, string> = {
  'tennis-ball': 'Tennis ball',
  'lacrosse-ball': 'Hard rubber ball',
  'peanut-ball': 'Peanut ball (two balls joined)',
  'foam-roller': 'Foam roller',
  'massage-stick': 'Massage stick',
  'strap-or-towel': 'Strap, belt or towel',
  'resistance-band': 'Stretchy exercise band',
  doorway: 'A doorway',
  wall: 'A wall to lean on',
  chair: 'A steady chair',
  'floor-space': 'Space to lie on the floor',
  'hook-massager': 'Hook-shaped massager',
  'heat-pack': 'Heat pack or hot water bottle',
  'cold-pack': 'Ice pack or cold pack',
  stair: 'A stair or step with a rail',
};

export const plainCautions: Record<Caution, string> = {
  pregnancy: 'I am pregnant',
  osteoporosis: 'I have weak bones',
  'blood-thinners': 'I take blood thinners',
  'clot-history': 'I have had a blood clot or have varicose veins',
  'recent-surgery': 'I had an operation in the last few months',
  'acute-injury': 'I hurt myself recently',
  hypermobility: 'My joints bend more than most people’s',
  neuropathy: 'I have numbness or tingling',
  'high-blood-pressure': 'I have high blood pressure',
  'cancer-treatment': 'I am being treated for cancer',
  'skin-condition': 'I have a skin problem',
  vertigo: 'I get dizzy spells',
  fibromyalgia: 'I have fibromyalgia',
  'implanted-device': 'I have a pacemaker, a port or a device under my skin',
  'stroke-or-carotid-disease': 'I have had a stroke or mini-stroke, or have narrow neck arteries',
  'lymph-node-removal': 'I have had lymph nodes taken out',
  postpartum: 'I had a baby in the last few months',
  'hernia-or-aneurysm': 'I have a hernia or a bulge in a main blood vessel (aneurysm)',
  'numb-feet': 'My feet are numb, for example from diabetes',
};

export const plainReferral: Record<(typeof REFERRAL_SOURCES)[number], string> = {
  'client-referral': 'A friend or family member',
  search: 'I searched online',
  social: 'Social media',
  'walk-in': 'I walked past',
  'doctor-or-physio': 'My doctor or physio',
  gift: 'I got a gift card',
  other: 'Something else',
};
