/** People and places of the Twin Cities for the demo and scale seeds. */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret',
  'Steven', 'Ashley', 'Paul', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kevin', 'Michelle',
  'Brian', 'Carol', 'George', 'Amanda', 'Timothy', 'Melissa', 'Ronald', 'Deborah', 'Jason', 'Stephanie',
  'Ryan', 'Rebecca', 'Jacob', 'Laura', 'Gary', 'Helen', 'Nicholas', 'Sharon', 'Eric', 'Cynthia',
  'Jonathan', 'Kathleen', 'Scott', 'Amy', 'Brandon', 'Angela', 'Greg', 'Anna', 'Erik', 'Kristin',
  'Nathan', 'Heidi', 'Peter', 'Ingrid', 'Lars', 'Megan', 'Tyler', 'Rachel', 'Luis', 'Maria',
  'Carlos', 'Sofia', 'Abdi', 'Hodan', 'Kou', 'Mai', 'Tou', 'Pa', 'Ahmed', 'Fatima',
  'Dylan', 'Olivia', 'Ethan', 'Emma', 'Noah', 'Ava', 'Logan', 'Grace', 'Owen', 'Hannah',
];

export const LAST_NAMES = [
  'Johnson', 'Anderson', 'Nelson', 'Olson', 'Peterson', 'Larson', 'Swanson', 'Hanson', 'Carlson', 'Erickson',
  'Lindquist', 'Gustafson', 'Berg', 'Lund', 'Halvorson', 'Nygaard', 'Sorensen', 'Thorson', 'Bergstrom', 'Johansen',
  'Schmidt', 'Mueller', 'Schultz', 'Wagner', 'Becker', 'Hoffmann', 'Kowalski', 'Nowak', 'Novak', 'Kline',
  'Smith', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Moore', 'Taylor', 'Thomas',
  'Jackson', 'White', 'Harris', 'Martin', 'Thompson', 'Garcia', 'Martinez', 'Robinson', 'Clark', 'Rodriguez',
  'Lewis', 'Lee', 'Walker', 'Hall', 'Allen', 'Young', 'Hernandez', 'King', 'Wright', 'Lopez',
  'Hill', 'Scott', 'Green', 'Adams', 'Baker', 'Gonzalez', 'Campbell', 'Mitchell', 'Roberts', 'Carter',
  'Vang', 'Xiong', 'Yang', 'Lor', 'Thao', 'Her', 'Hassan', 'Mohamed', 'Ali', 'Warsame',
  'Nguyen', 'Tran', 'Pham', "O'Brien", 'Murphy', 'Sullivan', 'Kelly', 'Ryan', 'Walsh', 'Brennan',
  'Fischer', 'Weber', 'Meyer', 'Koch', 'Richter', 'Wolf', 'Krause', 'Braun', 'Zimmerman', 'Hartmann',
];

export const STREETS = [
  'Lyndale Ave S', 'Hennepin Ave', 'Nicollet Ave', 'Portland Ave', 'Chicago Ave', 'Cedar Ave S', 'Lake St',
  'Minnehaha Pkwy', 'Penn Ave N', 'Xerxes Ave S', 'France Ave S', 'Bryant Ave S', 'Aldrich Ave N', 'Dupont Ave N',
  'Grand Ave', 'Summit Ave', 'Selby Ave', 'Randolph Ave', 'Snelling Ave', 'Como Ave', 'Larpenteur Ave',
  'Hamline Ave', 'Lexington Pkwy', 'Victoria St', 'Maryland Ave', 'White Bear Ave', 'Rice St', 'Arcade St',
  'County Road B', 'County Road C', 'Old Shakopee Rd', 'Valley View Rd', 'Cliff Rd', 'Pilot Knob Rd',
  'Diffley Rd', 'Bass Lake Rd', 'Rockford Rd', 'Fernbrook Ln', 'Vicksburg Ln', 'Zachary Ln', 'Elm Creek Blvd',
  'Hanson Blvd', 'Round Lake Blvd', 'University Ave NE', 'Central Ave NE', 'Lake Dr', 'Oak Ridge Trl',
  'Maple St', 'Birch Ct', 'Pine Cir', 'Cedar Ln', 'Willow Way', 'Aspen Ln', 'Tamarack Rd', 'Sunset Dr',
  'Ridgeview Dr', 'Parkview Ter', 'Highland Pkwy', 'Cleveland Ave', 'Fairview Ave', 'Radio Dr', 'Bailey Rd',
];

export interface Place {
  city: string;
  zips: string[];
  /** Telephone area code. */
  area: string;
}

/** Service areas of the three demo teams: North Metro, South Metro, Storm Response (east metro and St. Paul). */
export const REGIONS: Place[][] = [
  [
    { city: 'Minneapolis', zips: ['55411', '55412', '55418'], area: '612' },
    { city: 'Maple Grove', zips: ['55311', '55369'], area: '763' },
    { city: 'Plymouth', zips: ['55441', '55446', '55447'], area: '763' },
    { city: 'Brooklyn Park', zips: ['55443', '55444', '55445'], area: '763' },
    { city: 'Coon Rapids', zips: ['55433', '55448'], area: '763' },
    { city: 'Blaine', zips: ['55434', '55449'], area: '763' },
    { city: 'Fridley', zips: ['55432'], area: '763' },
    { city: 'Roseville', zips: ['55113'], area: '651' },
    { city: 'Shoreview', zips: ['55126'], area: '651' },
  ],
  [
    { city: 'Minneapolis', zips: ['55406', '55407', '55409', '55417', '55419'], area: '612' },
    { city: 'Bloomington', zips: ['55420', '55425', '55431', '55437', '55438'], area: '952' },
    { city: 'Edina', zips: ['55424', '55435', '55436', '55439'], area: '952' },
    { city: 'Richfield', zips: ['55423'], area: '612' },
    { city: 'Eden Prairie', zips: ['55344', '55346', '55347'], area: '952' },
    { city: 'Eagan', zips: ['55121', '55122', '55123'], area: '651' },
    { city: 'Burnsville', zips: ['55306', '55337'], area: '952' },
    { city: 'Apple Valley', zips: ['55124'], area: '952' },
    { city: 'Lakeville', zips: ['55044'], area: '952' },
  ],
  [
    { city: 'Saint Paul', zips: ['55102', '55104', '55105', '55106', '55116'], area: '651' },
    { city: 'West St. Paul', zips: ['55118'], area: '651' },
    { city: 'Woodbury', zips: ['55125', '55129'], area: '651' },
    { city: 'Maplewood', zips: ['55109', '55119'], area: '651' },
    { city: 'Oakdale', zips: ['55128'], area: '651' },
    { city: 'Stillwater', zips: ['55082'], area: '651' },
    { city: 'Cottage Grove', zips: ['55016'], area: '651' },
    { city: 'Inver Grove Heights', zips: ['55076', '55077'], area: '651' },
  ],
];

export const BUSINESS_FIRST = [
  'Lakeside', 'Northstar', 'Twin Cities', 'Riverview', 'Mississippi', 'Prairie', 'Lake Harriet', 'Minnehaha',
  'Cedar Ridge', 'Gold Leaf', 'North Loop', 'Summit Hill', 'Como Park', 'Stone Arch', 'Nokomis', 'Pine Bend',
];

export const BUSINESS_KIND = [
  'Property Management', 'Apartments', 'Dental', 'Lutheran Church', 'Auto Care', 'Townhome Association',
  'Family Clinic', 'Storage', 'Office Park', 'Veterinary Hospital', 'Montessori', 'Hardware', 'Senior Living',
];

export const RESIDENTIAL_SEGMENTS = ['Homeowner', 'Insurance Claim', 'Repeat Customer', 'Realtor Referral'] as const;
export const COMMERCIAL_SEGMENTS = ['Property Manager', 'HOA', 'Small Business'] as const;

/** Reserved example domains only: demo addresses must never reach a real inbox. */
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
