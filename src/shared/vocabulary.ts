// The brief's canonical vocabularies. API slugs are a public contract: add, never rename.
// Labels are ours and may change freely.

export const REGIONS = {
  head: 'Head',
  jaw: 'Jaw',
  'neck-back': 'Back of neck',
  'neck-front': 'Front of neck',
  'neck-side': 'Side of neck',
  'upper-traps': 'Top of shoulders',
  'shoulder-front': 'Front of shoulder',
  'shoulder-back': 'Back of shoulder',
  chest: 'Chest',
  'upper-back': 'Upper back',
  'mid-back': 'Mid back',
  'low-back': 'Low back',
  abdomen: 'Belly',
  'upper-arm': 'Upper arm',
  forearm: 'Forearm',
  'hand-wrist': 'Hand and wrist',
  'hip-front': 'Front of hip',
  glutes: 'Glutes',
  'hip-side': 'Side of hip',
  'thigh-front': 'Front of thigh',
  'thigh-back': 'Back of thigh',
  'thigh-inner': 'Inner thigh',
  knee: 'Knee',
  calf: 'Calf',
  shin: 'Shin',
  ankle: 'Ankle',
  foot: 'Foot',
} as const;

export const SIDES = ['left', 'right', 'both'] as const;

export const COMPLAINTS = {
  headaches: 'Headaches',
  'neck-pain': 'Neck pain',
  'jaw-tension': 'Jaw tension',
  'shoulder-tension': 'Shoulder tension',
  'rounded-shoulders': 'Rounded shoulders',
  'upper-back-pain': 'Upper back pain',
  'low-back-pain': 'Low back pain',
  'hip-tightness': 'Tight hips',
  'piriformis-sciatic': 'Piriformis / sciatic-type pain',
  'tight-hamstrings': 'Tight hamstrings',
  'knee-pain': 'Knee pain',
  'tight-calves': 'Tight calves',
  'shin-pain': 'Shin pain',
  'foot-pain': 'Foot pain',
  'forearm-wrist-strain': 'Forearm and wrist strain',
  'stress-sleep': 'Stress and sleep',
  'workout-recovery': 'Workout recovery',
} as const;

export const LIFESTYLES = {
  'desk-work': 'Desk work',
  driving: 'Driving',
  'standing-work': 'Standing work',
  'manual-work': 'Manual work',
  runner: 'Runner',
  cyclist: 'Cyclist',
  'strength-training': 'Strength training',
  swimmer: 'Swimmer',
  'racket-or-golf': 'Racket sports or golf',
  musician: 'Musician',
  'new-parent': 'New parent',
  gardening: 'Gardening',
} as const;

export const TOOLS = {
  'tennis-ball': 'Tennis ball',
  'lacrosse-ball': 'Lacrosse ball',
  'peanut-ball': 'Peanut ball',
  'foam-roller': 'Foam roller',
  'massage-stick': 'Massage stick',
  'strap-or-towel': 'Strap or towel',
  'resistance-band': 'Resistance band',
  doorway: 'Doorway',
  wall: 'Wall',
  chair: 'Chair',
  'floor-space': 'Floor space',
  'hook-massager': 'Hook massager',
  'heat-pack': 'Heat pack',
  'cold-pack': 'Cold pack',
  stair: 'Stair or step',
} as const;

/** Tools every home is assumed to have unless the intake says otherwise. */
export const ASSUMED_TOOLS = ['doorway', 'wall', 'chair', 'floor-space'] as const;

export const CAUTIONS = {
  pregnancy: 'Pregnancy',
  osteoporosis: 'Osteoporosis',
  'blood-thinners': 'Blood thinners',
  'clot-history': 'History of clots (DVT, varicose veins)',
  'recent-surgery': 'Recent surgery',
  'acute-injury': 'Acute injury',
  hypermobility: 'Hypermobility',
  neuropathy: 'Neuropathy',
  'high-blood-pressure': 'High blood pressure',
  'cancer-treatment': 'Cancer treatment',
  'skin-condition': 'Skin condition',
  vertigo: 'Vertigo',
  fibromyalgia: 'Fibromyalgia',
  'implanted-device': 'Implanted device (pacemaker, port)',
  'stroke-or-carotid-disease': 'Stroke, mini-stroke or narrowed neck arteries',
  'lymph-node-removal': 'Lymph nodes removed',
  postpartum: 'Recently had a baby',
  'hernia-or-aneurysm': 'Hernia or aortic aneurysm',
  'numb-feet': 'Numb feet (for example with diabetes)',
} as const;

/**
 * What a client with a caution should watch for when it only warns for an item, in plain words
 * the client reads beside that item. An item's own `watchFor` line replaces the generic one.
 */
export const CAUTION_WATCH: Record<keyof typeof CAUTIONS, string> = {
  pregnancy: 'You are pregnant, so do not lie flat on your back for long. Stop if you feel faint or short of breath.',
  osteoporosis: 'You have weak bones, so press and bend gently, and never force a stretch or a twist.',
  'blood-thinners': 'You take blood thinners, so press gently and stop if you see a new bruise.',
  'clot-history': 'You have had a clot or have varicose veins. Press lightly, and never on a leg that is warm, swollen, red or sore.',
  'recent-surgery': 'You had an operation not long ago. Stay well away from the scar, and stop if that area hurts.',
  'acute-injury': 'You hurt yourself recently, so keep away from the sore spot and go gently.',
  hypermobility: 'Your joints bend more than most, so stop at a mild stretch and never push to the end of a move.',
  neuropathy: 'You have numbness or tingling, so press gently, as you may not feel when it is too much. Stop if it gets worse.',
  'high-blood-pressure': 'You have high blood pressure, so keep breathing the whole time and never strain or hold your breath.',
  'cancer-treatment':
    'You are being treated for cancer, so press only lightly. Stay off any sore, swollen or treated spot, and ask your care team if you are not sure.',
  'skin-condition': 'You have a skin problem, so keep off any sore, broken or red skin.',
  vertigo: 'You get dizzy spells, so move your head slowly, and sit or lie still if the room starts to spin.',
  fibromyalgia: 'You have fibromyalgia, so start light and short. Do less if you are sore the next day.',
  'implanted-device': 'You have a device under your skin, like a pacemaker or a port. Never press on it or close to it.',
  'stroke-or-carotid-disease':
    'You have had a stroke or have narrow neck arteries. Never press on the front or side of your neck, and stop if you feel dizzy.',
  'lymph-node-removal': 'You had lymph nodes taken out, so press only lightly near that area, and stop if the arm or leg swells.',
  postpartum: 'You had a baby not long ago, so go gently. Stop if your belly bulges along the middle or you leak.',
  'hernia-or-aneurysm': 'You have a hernia or an aneurysm, so do not press on your belly. Never strain or hold your breath.',
  'numb-feet': 'Your feet feel less than they should, so press gently and check your feet for marks or blisters after.',
};

export const CATEGORIES = {
  stretch: 'Stretch',
  'self-massage': 'Self-massage',
  mobility: 'Mobility',
  strengthening: 'Gentle strengthening',
  breathing: 'Breathing and relaxation',
  posture: 'Posture and habit breaks',
} as const;

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const keys = <T extends object>(o: T) => Object.keys(o) as Keys<T>;

export const regionSlugs = keys(REGIONS);
export const complaintSlugs = keys(COMPLAINTS);
export const lifestyleSlugs = keys(LIFESTYLES);
export const toolSlugs = keys(TOOLS);
export const cautionSlugs = keys(CAUTIONS);
export const categorySlugs = keys(CATEGORIES);

export type Region = keyof typeof REGIONS;
export type Complaint = keyof typeof COMPLAINTS;
export type Lifestyle = keyof typeof LIFESTYLES;
export type Tool = keyof typeof TOOLS;
export type Caution = keyof typeof CAUTIONS;
export type Category = keyof typeof CATEGORIES;
