/** Realistic value lists for categorical dimensions, keyed by the names in data-fields.ts. */

const list = (values: string) => values.split('|')

const STATES = list(
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|' +
    'Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|' +
    'Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|' +
    'North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|' +
    'Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming',
)

const FIRST_NAMES = list(
  'James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|Richard|Susan|' +
    'Joseph|Jessica|Thomas|Sarah|Carlos|Karen|Wei|Priya|Ahmed|Sofia|Kenji|Amara|Lucas|Olivia|Noah|Emma',
)

const LAST_NAMES = list(
  'Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|' +
    'Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|Harris|Nguyen|Patel|Kim',
)

const DOMAINS: Record<string, string[]> = {
  state: STATES,
  country: list(
    'United States|China|Brasil|South Korea|France|United Kingdom|Germany|Spain|Japan|Australia|Belgium|' +
      'Poland|Colombia|Austria|Canada|Mexico|India|Italy|Netherlands|Sweden',
  ),
  city: list(
    'New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|Austin|' +
      'Seattle|Denver|Boston|Atlanta|Miami|Portland|Nashville|Detroit|Minneapolis|San Francisco',
  ),
  region: list('West|Northeast|Midwest|South|Southwest|Pacific Northwest|Mountain|Mid-Atlantic'),
  department: list('Women|Men'),
  category: list(
    'Jeans|Tops & Tees|Sweaters|Outerwear & Coats|Accessories|Intimates|Fashion Hoodies & Sweatshirts|' +
      'Shorts|Swim|Sleep & Lounge|Active|Pants|Dresses|Socks|Underwear|Suits & Sport Coats|Skirts|' +
      'Maternity|Blazers & Jackets|Leggings|Jumpsuits & Rompers|Plus|Clothing Sets|Socks & Hosiery',
  ),
  brand: list(
    "Calvin Klein|Carhartt|Levi's|Nike|Columbia|Tommy Hilfiger|Ray-Ban|Allegra K|Hanes|Diesel|Quiksilver|" +
      'Patagonia|The North Face|Champion|Dockers|Wrangler|Volcom|Oakley|Speedo|Under Armour',
  ),
  product: list(
    'Slim Fit Jeans|Classic Crew Tee|Merino Wool Sweater|Down Puffer Jacket|Leather Belt|Aviator Sunglasses|' +
      'Zip Hoodie|Cargo Shorts|Board Shorts|Flannel Pajama Set|Running Tights|Chino Pants|Wrap Dress|' +
      'Ankle Socks 6-Pack|Boxer Briefs|Wool Blazer|Pleated Midi Skirt|Yoga Leggings|Denim Jacket|Rain Shell',
  ),
  status: list('Complete|Shipped|Processing|Cancelled|Returned'),
  gender: list('Female|Male'),
  tier: list('15 to 25|25 to 35|35 to 45|45 to 55|55 to 65|65 or Above'),
  channel: list('Search|Organic|Email|Facebook|Display'),
  browser: list('Chrome|Safari|Firefox|Edge|IE|Other'),
  device: list('Desktop|Mobile|Tablet'),
  carrier: list('UPS|FedEx|USPS|DHL'),
  payment: list('Credit Card|PayPal|Gift Card|Bank Transfer|Apple Pay'),
  firstName: FIRST_NAMES,
  lastName: LAST_NAMES,
  language: list('English|Spanish|French|German|Portuguese|Japanese|Korean|Chinese'),
  segment: list('Enterprise|Mid-Market|SMB|Consumer|Public Sector'),
}

/** The values of `listName`; `email` and `fullName` are built from names so they look related. */
export function categoryValues(listName: string, label: string): { values: string[]; known: boolean } {
  const direct = DOMAINS[listName]
  if (direct) return { values: direct, known: true }
  if (listName === 'fullName' || listName === 'email') {
    const people = FIRST_NAMES.map(
      (first, i) => [first, LAST_NAMES[(i * 7) % LAST_NAMES.length] ?? 'Lee'] as const,
    )
    const values = people.map(([first, last]) =>
      listName === 'email' ? `${first}.${last}@example.com`.toLowerCase() : `${first} ${last}`,
    )
    return { values, known: true }
  }
  // Unknown dimension: "<Last word of label> 1..12" reads naturally on an axis ("Warehouse 3").
  const noun = label.split(' ').pop() ?? 'Item'
  return { values: Array.from({ length: 12 }, (_, i) => `${noun} ${i + 1}`), known: false }
}
