/**
 * Made-up people and places for the demo. Every name is invented; children never get one
 * (they are known only by a pseudonymous childRef, rule 11).
 */

export const COUNTIES: ReadonlyArray<string> = [
  'Maple',
  'Cedar',
  'Juniper',
  'Alder',
  'Birch',
  'Sycamore',
  'Aspen',
  'Hawthorn',
  'Linden',
  'Tamarack',
];

export const FIRST_NAMES: ReadonlyArray<string> = [
  'Maria',
  'Aisha',
  'Jennifer',
  'Keisha',
  'Rosa',
  'Emily',
  'Fatima',
  'Lauren',
  'Tanya',
  'Mei',
  'Brenda',
  'Yolanda',
  'Priya',
  'Hannah',
  'Carmen',
  'Danielle',
  'Amara',
  'Lucia',
  'Rachel',
  'Nicole',
  'Shanice',
  'Grace',
  'Sofia',
  'Monique',
  'Heather',
  'Ana',
  'Latoya',
  'Kim',
  'Samantha',
  'Olivia',
  'Marcus',
  'David',
  'Luis',
  'Andre',
  'James',
  'Omar',
  'Kevin',
  'Tyrone',
  'Daniel',
  'Mateo',
];

export const LAST_NAMES: ReadonlyArray<string> = [
  'Johnson',
  'Garcia',
  'Williams',
  'Nguyen',
  'Brown',
  'Martinez',
  'Davis',
  'Robinson',
  'Lopez',
  'Clark',
  'Lewis',
  'Walker',
  'Hernandez',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Perez',
  'Roberts',
  'Turner',
  'Phillips',
  'Campbell',
  'Parker',
  'Evans',
  'Edwards',
  'Collins',
  'Stewart',
  'Sanchez',
  'Morris',
  'Reed',
  'Cook',
];

const CENTER_PLACES: ReadonlyArray<string> = [
  'Oak Street',
  'Riverside',
  'Maple Grove',
  'Sunrise',
  'Hilltop',
  'Willow Creek',
  'Lakeside',
  'Cedar Park',
  'Meadowbrook',
  'Pine Hollow',
  'Northgate',
  'Harbor View',
  'Elm Court',
  'Prairie Wind',
  'Stonebridge',
  'Fox Run',
];

const CENTER_KINDS: ReadonlyArray<string> = [
  'Early Learning Center',
  'Child Development Center',
  'Head Start',
  'Preschool',
  'Learning Academy',
  'Community Child Care',
];

/** One of the made-up center names, numbered from 0 to CENTER_NAME_COMBINATIONS − 1. */
export const centerName = (n: number): string =>
  `${CENTER_PLACES[n % CENTER_PLACES.length]} ${CENTER_KINDS[Math.floor(n / CENTER_PLACES.length) % CENTER_KINDS.length]}`;

export const CENTER_NAME_COMBINATIONS = CENTER_PLACES.length * CENTER_KINDS.length;

export const familyChildCareName = (lastName: string): string => `${lastName} Family Child Care`;

/** Credentials a coach states and a supervisor verifies (`003`). */
export const CREDENTIALS: ReadonlyArray<string> = [
  'Bachelor of Arts in Early Childhood Education',
  'Master of Education in Early Childhood Special Education',
  'Pyramid Model Practice-Based Coaching endorsement',
  'Infant and Early Childhood Mental Health Endorsement, Level 2',
  'Child Development Associate (CDA) credential',
  'State Early Childhood Professional Registry, Level 5',
  'TPOT reliability certification',
  'TPITOS reliability certification',
];
