import type { Region } from '../../../shared/vocabulary.js';

/** Muscles offered as suggestions for a finding in each area; the therapist can type any other. */
export const MUSCLES_BY_REGION: Partial<Record<Region, string[]>> = {
  head: ['temporalis', 'occipitalis', 'frontalis'],
  jaw: ['masseter', 'temporalis', 'medial pterygoid', 'lateral pterygoid'],
  'neck-back': ['sub-occipitals', 'splenius capitis', 'semispinalis capitis'],
  'neck-front': ['sternocleidomastoid', 'scalenes', 'longus colli'],
  'neck-side': ['scalenes', 'sternocleidomastoid', 'levator scapulae'],
  'upper-traps': ['upper trapezius', 'levator scapulae', 'supraspinatus'],
  'shoulder-front': ['anterior deltoid', 'pectoralis minor', 'biceps (long head)', 'subscapularis'],
  'shoulder-back': ['infraspinatus', 'teres minor', 'teres major', 'posterior deltoid'],
  chest: ['pectoralis major', 'pectoralis minor', 'serratus anterior'],
  'upper-back': ['rhomboids', 'middle trapezius', 'serratus posterior superior'],
  'mid-back': ['erector spinae', 'lower trapezius', 'latissimus dorsi'],
  'low-back': ['quadratus lumborum', 'erector spinae', 'multifidus'],
  abdomen: ['rectus abdominis', 'obliques', 'diaphragm'],
  'upper-arm': ['biceps', 'triceps', 'brachialis', 'coracobrachialis'],
  forearm: ['wrist extensors', 'wrist flexors', 'brachioradialis', 'pronator teres', 'supinator'],
  'hand-wrist': ['thenar muscles', 'hypothenar muscles', 'interossei'],
  'hip-front': ['psoas', 'iliacus', 'rectus femoris', 'tensor fasciae latae'],
  glutes: ['piriformis', 'gluteus medius', 'gluteus maximus', 'gluteus minimus'],
  'hip-side': ['gluteus medius', 'tensor fasciae latae', 'IT band'],
  'thigh-front': ['rectus femoris', 'vastus lateralis', 'vastus medialis', 'sartorius'],
  'thigh-back': ['biceps femoris', 'semitendinosus', 'semimembranosus'],
  'thigh-inner': ['adductor magnus', 'adductor longus', 'gracilis'],
  knee: ['popliteus', 'patellar tendon', 'pes anserinus'],
  calf: ['gastrocnemius', 'soleus', 'tibialis posterior'],
  shin: ['tibialis anterior', 'extensor digitorum longus', 'peroneals'],
  ankle: ['peroneals', 'Achilles tendon'],
  foot: ['plantar fascia', 'flexor digitorum brevis', 'abductor hallucis'],
};

export const FINDING_NOTES = ['Trigger point', 'Taut band', 'Tender', 'Adhesion', 'Guarding', 'Hypertonic', 'Referred pain'];
